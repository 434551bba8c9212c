import { BellOutlined, CheckOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Empty, Flex, Grid, List, Popover, Spin, Typography, theme } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, type Page } from '../../app/api.ts';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { isAppPath, notificationText } from './notification.format.ts';
import type { AppNotification } from './notification.types.ts';

const POLL_MS = 60_000;
const SHOWN = 20;

/** The unread count, asked every minute while the tab is visible and again when it comes back. */
function useUnreadCount() {
  const [count, setCount] = useState(0);
  const refresh = useCallback(() => {
    api<{ count: number }>('/notifications/unread-count')
      .then((result) => setCount(result.count))
      .catch(() => undefined); // a missed poll is retried by the next one; no message every minute
  }, []);
  useEffect(() => {
    refresh();
    const timer = window.setInterval(() => {
      if (!document.hidden) refresh();
    }, POLL_MS);
    const onVisible = () => {
      if (!document.hidden) refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);
  return { count, setCount, refresh };
}

function NotificationList({
  items,
  loading,
  onOpen,
}: {
  items: AppNotification[];
  loading: boolean;
  onOpen(item: AppNotification): void;
}) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  if (loading && items.length === 0) {
    return (
      <Flex justify="center" style={{ padding: 24 }}>
        <Spin />
      </Flex>
    );
  }
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.bell.empty')} data-testid="notifications-empty" />;
  return (
    <List<AppNotification>
      dataSource={items}
      split
      renderItem={(item) => {
        const unread = item.readAt === null;
        return (
          <List.Item
            data-testid="notification-item"
            data-kind={item.kind}
            data-read={unread ? 'false' : 'true'}
            onClick={() => onOpen(item)}
            style={{ cursor: 'pointer', paddingInline: 8, alignItems: 'flex-start', background: unread ? token.colorPrimaryBg : undefined, borderRadius: token.borderRadiusSM }}
          >
            <Flex vertical gap={2} style={{ minWidth: 0, width: '100%' }}>
              <Typography.Text strong={unread} style={{ whiteSpace: 'normal', wordBreak: 'break-word' }} data-testid="notification-text">
                {notificationText(i18n, item.kind, item.data)}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {dayjs(item.createdAt).format('YYYY-MM-DD HH:mm')}
              </Typography.Text>
            </Flex>
          </List.Item>
        );
      }}
    />
  );
}

/** The bell in the header: unread count, the latest notifications, read one (and follow it) or all. */
export function NotificationBell({ narrow }: { narrow: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const onError = useErrorHandler();
  const { count, setCount, refresh } = useUnreadCount();
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<AppNotification[]>([]);
  const [loading, setLoading] = useState(false);
  const screens = Grid.useBreakpoint();
  const phone = narrow || screens.sm === false;

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    setLoading(true);
    refresh();
    api<Page<AppNotification>>('/notifications', { query: { limit: SHOWN }, signal: controller.signal })
      .then((page) => setItems(page.items))
      .catch((error: unknown) => !controller.signal.aborted && onError(error))
      .finally(() => !controller.signal.aborted && setLoading(false));
    return () => controller.abort();
  }, [open, refresh, onError]);

  const openItem = async (item: AppNotification) => {
    if (item.readAt === null) {
      try {
        const read = await api<AppNotification>(`/notifications/${item.id}/read`, { method: 'POST' });
        setItems((previous) => previous.map((n) => (n.id === read.id ? read : n)));
        setCount((n) => Math.max(0, n - 1));
      } catch (error) {
        onError(error);
        return;
      }
    }
    if (isAppPath(item.link)) {
      setOpen(false);
      void navigate(item.link);
    }
  };

  const readAll = async () => {
    try {
      await api<{ updated: number }>('/notifications/read-all', { method: 'POST' });
      const now = new Date().toISOString();
      setItems((previous) => previous.map((n) => (n.readAt ? n : { ...n, readAt: now })));
      setCount(0);
    } catch (error) {
      onError(error);
    }
  };

  const header = (
    <Flex justify="space-between" align="center" gap={8}>
      <Typography.Text strong>{t('notifications.bell.title')}</Typography.Text>
      <Button type="link" size="small" icon={<CheckOutlined />} disabled={count === 0 && items.every((n) => n.readAt)} onClick={() => void readAll()} data-testid="notifications-read-all">
        {t('notifications.bell.readAll')}
      </Button>
    </Flex>
  );
  const body = (
    <div data-testid="notifications-panel" style={{ maxHeight: phone ? undefined : 420, overflowY: 'auto' }}>
      <NotificationList items={items} loading={loading} onOpen={(item) => void openItem(item)} />
    </div>
  );
  const bell = (
    <Button
      type="text"
      aria-label={t('notifications.bell.open', { count })}
      title={t('notifications.bell.title')}
      data-testid="notifications-bell"
      data-count={count}
      // On a phone the drawer opens from here; on a desktop the popover's own trigger does it.
      onClick={phone ? () => setOpen(true) : undefined}
      icon={
        <Badge count={count} overflowCount={99} size="small" data-testid="notifications-count">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      }
    />
  );

  if (phone) {
    return (
      <>
        {bell}
        <Drawer placement="right" open={open} onClose={() => setOpen(false)} size="100%" title={header} styles={{ body: { padding: 8 } }}>
          {body}
        </Drawer>
      </>
    );
  }
  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" placement="bottomRight" title={header} content={<div style={{ width: 380 }}>{body}</div>}>
      {bell}
    </Popover>
  );
}
