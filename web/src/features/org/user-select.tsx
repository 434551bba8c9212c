import { Select, type SelectProps } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api, type Page } from '../../app/api.ts';
import type { User } from './org.types.ts';

type Props = Omit<SelectProps<string>, 'options' | 'showSearch' | 'filterOption' | 'onSearch'> & {
  /** Shown for the current value before the search has loaded it. */
  knownNames?: ReadonlyMap<string, string>;
};

/** Picks a user by name, e-mail or mobile, searching on the server as one types. */
export function UserSelect({ knownNames, value, ...props }: Props) {
  const [query, setQuery] = useState('');
  const [users, setUsers] = useState<User[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    const controller = new AbortController();
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      setLoading(true);
      api<Page<User>>('/users', { query: { q: query, status: 'active', limit: 50 }, signal: controller.signal })
        .then((page) => setUsers(page.items))
        .catch(() => undefined)
        .finally(() => !controller.signal.aborted && setLoading(false));
    }, 250);
    return () => {
      controller.abort();
      window.clearTimeout(timer.current);
    };
  }, [query]);

  const options = useMemo(() => {
    const list = users.map((user) => ({ value: user.id, label: user.email ? `${user.name} (${user.email})` : user.name }));
    if (typeof value === 'string' && !users.some((user) => user.id === value)) {
      list.unshift({ value, label: knownNames?.get(value) ?? value });
    }
    return list;
  }, [users, value, knownNames]);

  return (
    <Select<string>
      {...props}
      value={value}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      loading={loading}
      options={options}
    />
  );
}
