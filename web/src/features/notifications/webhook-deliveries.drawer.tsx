import { ReloadOutlined } from '@ant-design/icons';
import { Button, Drawer, Empty, Flex, List, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useCursorList } from '../../app/use-cursor-list.ts';
import { eventLabel } from './notification.format.ts';
import type { Delivery, DeliveryStatus, Webhook } from './notification.types.ts';

const time = (value: string | null) => (value ? dayjs(value).format('YYYY-MM-DD HH:mm:ss') : '—');

export function DeliveryStatusTag({ status }: { status: DeliveryStatus }) {
  const { t } = useTranslation();
  switch (status) {
    case 'pending':
      return <Tag color="processing">{t('notifications.delivery.pending')}</Tag>;
    case 'delivered':
      return <Tag color="success">{t('notifications.delivery.delivered')}</Tag>;
    case 'failed':
      return <Tag color="error">{t('notifications.delivery.failed')}</Tag>;
  }
}

/** Reasons the server records in its own words are translated; an endpoint's error is shown as it came. */
function errorText(t: TFunction, error: string): string {
  switch (error) {
    case 'webhook_disabled':
      return t('notifications.delivery.droppedDisabled');
    case 'webhook_deleted':
      return t('notifications.delivery.droppedDeleted');
    default:
      return error;
  }
}

function DeliveryList({ webhook }: { webhook: Webhook }) {
  const { t, i18n } = useTranslation();
  const list = useCursorList<Delivery>(`/webhooks/${webhook.id}/deliveries`, {}, 20);
  return (
    <Flex vertical gap={8}>
      <Flex justify="flex-end">
        <Button icon={<ReloadOutlined />} onClick={list.reload} loading={list.loading} data-testid="webhook-deliveries-refresh">
          {t('common.refresh')}
        </Button>
      </Flex>
      <List<Delivery>
        loading={list.loading}
        dataSource={list.items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.delivery.empty')} /> }}
        renderItem={(d) => (
          <List.Item data-testid="webhook-delivery" data-status={d.status} style={{ paddingInline: 0 }}>
            <Flex vertical gap={4} style={{ minWidth: 0, width: '100%' }}>
              <Flex justify="space-between" align="center" gap={8} wrap>
                <Typography.Text strong>{eventLabel(i18n, d.event)}</Typography.Text>
                <DeliveryStatusTag status={d.status} />
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('notifications.delivery.createdAt')}: {time(d.createdAt)} · {t('notifications.delivery.attempts', { count: d.attempts })}
                {d.lastStatus !== null && ` · HTTP ${d.lastStatus}`}
              </Typography.Text>
              {d.deliveredAt && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('notifications.delivery.deliveredAt')}: {time(d.deliveredAt)}
                </Typography.Text>
              )}
              {d.nextAttemptAt && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('notifications.delivery.nextAttempt')}: {time(d.nextAttemptAt)}
                </Typography.Text>
              )}
              {d.lastError && (
                <Typography.Text type="danger" style={{ fontSize: 12, wordBreak: 'break-word' }} data-testid="webhook-delivery-error">
                  {errorText(t, d.lastError)}
                </Typography.Text>
              )}
            </Flex>
          </List.Item>
        )}
      />
      {list.hasMore && (
        <Flex justify="center">
          <Button onClick={list.loadMore} loading={list.loadingMore}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}

/** Recent deliveries of one webhook, with attempts and the last error. */
export function WebhookDeliveriesDrawer({ webhook, narrow, onClose }: { webhook: Webhook | null; narrow: boolean; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Drawer open={webhook !== null} onClose={onClose} size={narrow ? '100%' : 520} title={t('notifications.delivery.title', { name: webhook?.name ?? '' })} destroyOnHidden data-testid="webhook-deliveries">
      {webhook && <DeliveryList webhook={webhook} />}
    </Drawer>
  );
}
