import { Input } from 'antd';
import { useEffect, useState } from 'react';

/** A text filter that applies on Enter, on leaving the box, or on clearing it (not on every key). */
export function CommitInput({ value, onChange, placeholder, testId, width = 120 }: { value?: string; onChange(value: string | undefined): void; placeholder: string; testId: string; width?: number }) {
  const [draft, setDraft] = useState(value ?? '');
  useEffect(() => setDraft(value ?? ''), [value]);
  const commit = (next: string) => {
    if (next.trim() !== (value ?? '')) onChange(next.trim() || undefined);
  };
  return (
    <Input
      allowClear
      value={draft}
      placeholder={placeholder}
      style={{ width, maxWidth: '100%' }}
      data-testid={testId}
      onChange={(e) => {
        setDraft(e.target.value);
        if (e.type !== 'change') commit(e.target.value);
      }}
      onPressEnter={() => commit(draft)}
      onBlur={() => commit(draft)}
    />
  );
}
