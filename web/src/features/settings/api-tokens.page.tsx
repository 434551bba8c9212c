import { CopyOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, Modal, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { useCursorList } from '../../app/use-cursor-list.ts';
import { useErrorHandler } from '../../app/use-error-handler.ts';

export type ApiToken = { id: string; name: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };
type CreatedToken = { id: string; name: string; token: string };

const formatTime = (value: string | null) => (value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '—');

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false; // no clipboard over plain http: the token stays selectable in the box
  }
}

export function ApiTokensPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useErrorHandler();
  const list = useCursorList<ApiToken>('/api-tokens', {});
  const [form] = Form.useForm<{ name: string }>();
  const [creating, setCreating] = useState(false);
  const [saving, setSaving] = useState(false);
  const [created, setCreated] = useState<CreatedToken | null>(null);

  const create = async () => {
    let values: { name: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const token = await api<CreatedToken>('/api-tokens', { method: 'POST', body: { name: values.name.trim() } });
      setCreating(false);
      setCreated(token);
      list.reload();
    } catch (error) {
      onError(error, form);
    } finally {
      setSaving(false);
    }
  };

  const revoke = async (token: ApiToken) => {
    try {
      await api<void>(`/api-tokens/${token.id}`, { method: 'DELETE' });
      void message.success(t('tokens.revoked', { name: token.name }));
      list.reload();
    } catch (error) {
      onError(error);
    }
  };

  const columns: TableColumnsType<ApiToken> = [
    { title: t('tokens.field.name'), dataIndex: 'name', key: 'name' },
    { title: t('tokens.field.createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: formatTime },
    { title: t('tokens.field.lastUsedAt'), dataIndex: 'lastUsedAt', key: 'lastUsedAt', render: formatTime },
    {
      title: t('tokens.field.status'),
      key: 'status',
      render: (_: unknown, token) =>
        token.revokedAt ? <Tag>{t('tokens.status.revoked')}</Tag> : <Tag color="green">{t('tokens.status.active')}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, token) =>
        token.revokedAt ? null : (
          <Popconfirm
            title={t('tokens.confirmRevoke', { name: token.name })}
            description={t('tokens.confirmRevokeHelp')}
            okText={t('tokens.revoke')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true, 'data-testid': 'confirm-ok' }}
            onConfirm={() => revoke(token)}
          >
            <Button type="link" danger size="small" data-testid="token-revoke">
              {t('tokens.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('tokens.title')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="tokens-create"
            onClick={() => {
              form.resetFields();
              setCreating(true);
            }}
          >
            {t('tokens.create')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('tokens.help')}</Typography.Paragraph>
      <Table<ApiToken>
        rowKey="id"
        size="middle"
        data-testid="tokens-table"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      {list.hasMore && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={list.loadMore} loading={list.loadingMore}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
      <Modal
        open={creating}
        title={t('tokens.createTitle')}
        onCancel={() => setCreating(false)}
        onOk={() => void create()}
        confirmLoading={saving}
        okText={t('tokens.create')}
        cancelText={t('common.cancel')}
        okButtonProps={{ 'data-testid': 'token-form-submit' }}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={() => void create()}>
          <Form.Item name="name" label={t('tokens.field.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
            <Input data-testid="token-form-name" maxLength={100} placeholder={t('tokens.namePlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={created !== null}
        title={t('tokens.createdTitle')}
        closable={false}
        mask={{ closable: false }}
        destroyOnHidden
        footer={
          <Button type="primary" data-testid="token-created-close" onClick={() => setCreated(null)}>
            {t('tokens.savedIt')}
          </Button>
        }
      >
        <Alert type="warning" showIcon title={t('tokens.shownOnce')} style={{ marginBottom: 12 }} />
        <Flex gap={8}>
          <Input readOnly value={created?.token ?? ''} data-testid="token-value" style={{ fontFamily: 'monospace' }} onFocus={(e) => e.target.select()} />
          <Button
            icon={<CopyOutlined />}
            data-testid="token-copy"
            onClick={() =>
              void copyText(created?.token ?? '').then((ok) =>
                ok ? message.success(t('tokens.copied')) : message.warning(t('tokens.copyFailed')),
              )
            }
          >
            {t('tokens.copy')}
          </Button>
        </Flex>
      </Modal>
    </>
  );
}
