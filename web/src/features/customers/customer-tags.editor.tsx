import { PlusOutlined } from '@ant-design/icons';
import { Flex, Input, Tag, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import type { Customer } from './customer.types.ts';

type Props = { customer: Customer; editable: boolean; onSaved(customer: Customer): void };

/** The customer's tags: × removes one, "+ tag" adds one; each change saves the whole set (PUT …/tags). */
export function CustomerTagsEditor({ customer, editable, onSaved }: Props) {
  const { t } = useTranslation();
  const onError = useErrorHandler();
  const [adding, setAdding] = useState(false);
  const [draft, setDraft] = useState('');
  const [saving, setSaving] = useState(false);
  const input = useRef<InputRef>(null);

  useEffect(() => {
    if (adding) input.current?.focus();
  }, [adding]);

  const save = async (tags: string[]) => {
    setSaving(true);
    try {
      onSaved(await api<Customer>(`/customers/${customer.id}/tags`, { method: 'PUT', body: { tags } }));
    } catch (error) {
      onError(error);
    } finally {
      setSaving(false);
    }
  };

  const add = () => {
    const tag = draft.trim();
    setAdding(false);
    setDraft('');
    if (tag && !customer.tags.includes(tag)) void save([...customer.tags, tag]);
  };

  return (
    <Flex wrap gap={6} align="center" data-testid="customer-tags-editor">
      {customer.tags.map((tag) => (
        <Tag
          key={tag}
          closable={editable && !saving}
          onClose={(e) => {
            e.preventDefault();
            void save(customer.tags.filter((other) => other !== tag));
          }}
          style={{ marginInlineEnd: 0 }}
          data-testid="customer-tag"
        >
          {tag}
        </Tag>
      ))}
      {customer.tags.length === 0 && !editable && <span>—</span>}
      {editable &&
        (adding ? (
          <Input
            ref={input}
            size="small"
            style={{ width: 120 }}
            maxLength={50}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onPressEnter={add}
            onBlur={add}
            data-testid="customer-tag-input"
          />
        ) : (
          <Tag
            icon={<PlusOutlined />}
            style={{ borderStyle: 'dashed', cursor: 'pointer', marginInlineEnd: 0 }}
            onClick={() => !saving && setAdding(true)}
            data-testid="customer-tag-add"
          >
            {t('customers.addTag')}
          </Tag>
        ))}
    </Flex>
  );
}
