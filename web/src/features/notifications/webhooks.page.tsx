import { DeleteOutlined, EditOutlined, HistoryOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Flex, Grid, Popconfirm, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { eventLabel } from './notification.format.ts';
import type { Delivery, Webhook } from './notification.types.ts';
import { DeliveryStatusTag, WebhookDeliveriesDrawer } from './webhook-deliveries.drawer.tsx';
import { WebhookModal, WebhookSecretModal } from './webhook.modal.tsx';

export function WebhooksPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const onError = useErrorHandler();
  const narrow = Grid.useBreakpoint().md === false;
  const [hooks, setHooks] = useState<Webhook[]>([]);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const [editing, setEditing] = useState<Webhook | 'new' | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [viewing, setViewing] = useState<Webhook | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    api<{ items: Webhook[] }>('/webhooks', { signal: controller.signal })
      .then((result) => setHooks(result.items))
      .catch((error: unknown) => !controller.signal.aborted && onError(error))
      .finally(() => !controller.signal.aborted && setLoading(false));
    return () => controller.abort();
  }, [generation, onError]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  const setEnabled = async (hook: Webhook, enabled: boolean) => {
    try {
      const saved = await api<Webhook>(`/webhooks/${hook.id}`, { method: 'PATCH', body: { enabled } });
      setHooks((previous) => previous.map((h) => (h.id === saved.id ? { ...saved, lastDelivery: h.lastDelivery } : h)));
    } catch (error) {
      onError(error);
    }
  };

  const sendTest = async (hook: Webhook) => {
    try {
      await api<Delivery>(`/webhooks/${hook.id}/test`, { method: 'POST' });
      void message.success(t('notifications.webhooks.testQueued', { name: hook.name }));
      reload();
    } catch (error) {
      onError(error);
    }
  };

  const remove = async (hook: Webhook) => {
    try {
      await api<void>(`/webhooks/${hook.id}`, { method: 'DELETE' });
      void message.success(t('notifications.webhooks.deleted', { name: hook.name }));
      reload();
    } catch (error) {
      onError(error);
    }
  };

  const columns: TableColumnsType<Webhook> = [
    {
      title: t('notifications.webhooks.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, hook) => (
        <Flex vertical gap={2} style={{ maxWidth: narrow ? 200 : 360 }}>
          <Typography.Text strong data-testid="webhook-row-name">
            {name}
          </Typography.Text>
          <Typography.Text type="secondary" ellipsis={{ tooltip: hook.url }} style={{ fontSize: 12 }}>
            {hook.url}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('notifications.webhooks.events'),
      dataIndex: 'events',
      key: 'events',
      responsive: ['md'],
      render: (events: string[]) => (
        <Flex wrap gap={4} style={{ maxWidth: 280 }}>
          {events.map((event) => (
            <Tag key={event} style={{ marginInlineEnd: 0 }}>
              {eventLabel(i18n, event)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t('notifications.webhooks.enabled'),
      dataIndex: 'enabled',
      key: 'enabled',
      render: (enabled: boolean, hook) => <Switch size="small" checked={enabled} onChange={(on) => void setEnabled(hook, on)} aria-label={t('notifications.webhooks.enabled')} data-testid="webhook-enabled" />,
    },
    {
      title: t('notifications.webhooks.lastDelivery'),
      key: 'lastDelivery',
      responsive: ['sm'],
      render: (_: unknown, hook) =>
        hook.lastDelivery ? (
          <Flex vertical gap={2} data-testid="webhook-last-delivery">
            <span>
              <DeliveryStatusTag status={hook.lastDelivery.status} />
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {dayjs(hook.lastDelivery.at).format('MM-DD HH:mm')}
            </Typography.Text>
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('notifications.webhooks.never')}</Typography.Text>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, hook) => (
        <Flex gap={4} wrap>
          <Button size="small" icon={<SendOutlined />} onClick={() => void sendTest(hook)} data-testid="webhook-test">
            {narrow ? null : t('notifications.webhooks.test')}
          </Button>
          <Button size="small" icon={<HistoryOutlined />} onClick={() => setViewing(hook)} aria-label={t('notifications.webhooks.deliveries')} data-testid="webhook-deliveries-open">
            {narrow ? null : t('notifications.webhooks.deliveries')}
          </Button>
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(hook)} aria-label={t('common.edit')} data-testid="webhook-edit" />
          <Popconfirm
            title={t('notifications.webhooks.confirmDelete', { name: hook.name })}
            description={t('notifications.webhooks.confirmDeleteHelp')}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true, 'data-testid': 'confirm-ok' }}
            onConfirm={() => remove(hook)}
          >
            <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} data-testid="webhook-delete" />
          </Popconfirm>
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('notifications.webhooks.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="webhooks-create">
            {t('notifications.webhooks.create')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('notifications.webhooks.help')}</Typography.Paragraph>
      <Table<Webhook>
        rowKey="id"
        size="middle"
        data-testid="webhooks-table"
        columns={columns}
        dataSource={hooks}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('notifications.webhooks.empty') }}
        onRow={(hook) => ({ 'data-testid': 'webhook-row', 'data-id': hook.id }) as HTMLAttributes<HTMLElement>}
      />
      <WebhookModal
        webhook={editing}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          setEditing(null);
          void message.success(t('notifications.webhooks.saved'));
          if (saved.secret) setSecret(saved.secret);
          reload();
        }}
      />
      <WebhookSecretModal secret={secret} onClose={() => setSecret(null)} />
      <WebhookDeliveriesDrawer
        webhook={viewing}
        narrow={narrow}
        onClose={() => {
          setViewing(null);
          reload();
        }}
      />
    </>
  );
}
