import { useEffect, useState } from 'react';
import { fetchAll } from '../../app/api.ts';
import type { User } from './org.types.ts';

/** id → name of the tenant's users (first 1,000), for showing managers and actors. */
export function useUserNames(generation = 0): ReadonlyMap<string, string> {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let active = true;
    fetchAll<User>('/users', {}, 5)
      .then((users) => active && setNames(new Map(users.map((user) => [user.id, user.name]))))
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, [generation]);
  return names;
}
