import { CodeOutlined, DeleteOutlined, EditOutlined, ExportOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Modal, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { embedCode, publicFormUrl } from './lead.format.ts';
import { formFieldLabel } from './lead.labels.ts';
import type { FormField, WebForm } from './lead.types.ts';
import { WebFormModal } from './web-form.modal.tsx';

/** The embed code of one form, with the channel it will be filed under (changeable per placement). */
function EmbedModal({ form, onClose }: { form: WebForm | null; onClose(): void }) {
  const { t } = useTranslation();
  const [channel, setChannel] = useState('');
  useEffect(() => setChannel(form?.channel ?? ''), [form]);
  const origin = window.location.origin;
  const code = form ? embedCode(origin, form.key, channel) : '';
  const url = form ? publicFormUrl(origin, form.key, channel) : '';
  return (
    <Modal open={form !== null} title={t('leads.webForms.embedTitle', { name: form?.name ?? '' })} onCancel={onClose} footer={null}>
      <Flex vertical gap={12} data-testid="web-form-embed">
        <Typography.Text type="secondary">{t('leads.webForms.embedHelp')}</Typography.Text>
        <Input addonBefore={t('leads.field.channel')} value={channel} onChange={(e) => setChannel(e.target.value)} maxLength={100} data-testid="web-form-embed-channel" />
        <Typography.Paragraph copyable={{ text: code, tooltips: [t('leads.webForms.copy'), t('leads.webForms.copied')] }} code style={{ wordBreak: 'break-all', marginBottom: 0 }} data-testid="web-form-embed-code">
          {code}
        </Typography.Paragraph>
        <Typography.Link href={url} target="_blank" rel="noreferrer" data-testid="web-form-embed-open">
          <ExportOutlined /> {t('leads.webForms.openPublic')}
        </Typography.Link>
      </Flex>
    </Modal>
  );
}

export function WebFormsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useErrorHandler();
  const [forms, setForms] = useState<WebForm[]>([]);
  const [loading, setLoading] = useState(true);
  const [editing, setEditing] = useState<WebForm | 'new' | null>(null);
  const [embedding, setEmbedding] = useState<WebForm | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    api<{ items: WebForm[] }>('/web-forms', { signal: controller.signal })
      .then((result) => setForms(result.items))
      .catch((error: unknown) => !controller.signal.aborted && onError(error))
      .finally(() => !controller.signal.aborted && setLoading(false));
    return () => controller.abort();
  }, [generation, onError]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  const remove = async (form: WebForm) => {
    try {
      await api<void>(`/web-forms/${form.id}`, { method: 'DELETE' });
      void message.success(t('leads.webForms.deleted', { name: form.name }));
      reload();
    } catch (error) {
      onError(error);
    }
  };

  const columns: TableColumnsType<WebForm> = [
    {
      title: t('leads.webForms.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, form) => (
        <Flex vertical gap={2}>
          <Typography.Text strong data-testid="web-form-row-name">
            {name}
          </Typography.Text>
          {form.channel && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('leads.field.channel')}: {form.channel}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('leads.webForms.fields'),
      dataIndex: 'fields',
      key: 'fields',
      responsive: ['md'],
      render: (fields: FormField[]) => (
        <Flex wrap gap={4} style={{ maxWidth: 320 }}>
          {fields.map((field) => (
            <Tag key={field} style={{ marginInlineEnd: 0 }}>
              {formFieldLabel(t, field)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t('leads.webForms.enabled'),
      dataIndex: 'enabled',
      key: 'enabled',
      render: (enabled: boolean) => (enabled ? <Tag color="success">{t('leads.webForms.on')}</Tag> : <Tag>{t('leads.webForms.off')}</Tag>),
    },
    { title: t('leads.webForms.submissions'), dataIndex: 'submissions', key: 'submissions', align: 'right', responsive: ['sm'] },
    { title: t('leads.webForms.leads'), dataIndex: 'leads', key: 'leads', align: 'right', render: (n: number) => <span data-testid="web-form-leads">{n}</span> },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, form) => (
        <Flex gap={4} wrap>
          <Button size="small" icon={<CodeOutlined />} onClick={() => setEmbedding(form)} data-testid="web-form-embed-open-modal">
            {t('leads.webForms.embed')}
          </Button>
          <Button size="small" icon={<ExportOutlined />} href={publicFormUrl(window.location.origin, form.key, form.channel)} target="_blank" rel="noreferrer" data-testid="web-form-open" data-href={`/f/${form.key}`}>
            {t('leads.webForms.open')}
          </Button>
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(form)} aria-label={t('common.edit')} data-testid="web-form-edit" />
          <Popconfirm
            title={t('leads.webForms.confirmDelete', { name: form.name })}
            description={t('leads.webForms.confirmDeleteHelp')}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true, 'data-testid': 'confirm-ok' }}
            onConfirm={() => remove(form)}
          >
            <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} data-testid="web-form-delete" />
          </Popconfirm>
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('leads.webForms.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="web-forms-create">
            {t('leads.webForms.create')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('leads.webForms.help')}</Typography.Paragraph>
      <Table<WebForm>
        rowKey="id"
        size="middle"
        data-testid="web-forms-table"
        columns={columns}
        dataSource={forms}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('leads.webForms.empty') }}
        onRow={(form) => ({ 'data-testid': 'web-form-row', 'data-key': form.key }) as HTMLAttributes<HTMLElement>}
      />
      <WebFormModal
        form={editing}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          const created = editing === 'new';
          setEditing(null);
          void message.success(t('leads.webForms.saved'));
          reload();
          if (created) setEmbedding(saved);
        }}
      />
      <EmbedModal form={embedding} onClose={() => setEmbedding(null)} />
    </>
  );
}
