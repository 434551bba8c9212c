import { UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, Flex, Popconfirm, Table, Tag, Typography, type DescriptionsProps, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { KindTag, MobileText } from './customer-bits.tsx';
import { formatAmount, itemsText, reasonsOf, regionText, scorePercent } from './customer.format.ts';
import { customerFieldLabel, flagHelp, flagLabel, identityKindLabel, reasonLabel, sourceLabel } from './customer.labels.ts';
import type { Contact, Customer, CustomerDetail, CustomerSource, Identity, Merge, Order } from './customer.types.ts';

/** The sections of the customer page, one per tab. */

const formatTime = (value: string | null) => (value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '—');
const orDash = (value: string | null | undefined) => (value ? value : '—');

export function ProfileTab({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const field = (key: keyof Customer, value?: ReactNode): NonNullable<DescriptionsProps['items']>[number] => ({
    key,
    label: customerFieldLabel(t, key),
    children: value ?? orDash(customer[key] as string | null),
  });
  const items: DescriptionsProps['items'] = [
    field('name'),
    field('kind', <KindTag kind={customer.kind} />),
    field('mobile', <MobileText customer={customer} />),
    field('email'),
    customer.kind === 'company' ? field('creditCode') : field('nationalId'),
    ...(customer.kind === 'company' ? [field('industry')] : []),
    { key: 'region', label: t('customers.field.region'), children: regionText(customer) || '—' },
    field('street'),
    field('address'),
    field('source', customer.source ? sourceLabel(t, customer.source) : '—'),
    field('createdAt', formatTime(customer.createdAt)),
    { key: 'updatedAt', label: t('customers.field.updatedAt'), children: formatTime(customer.updatedAt) },
  ];
  return (
    <Flex vertical gap={12}>
      {customer.flags.length > 0 && (
        <Flex vertical gap={8} data-testid="customer-flag-help">
          {customer.flags.map((flag) => (
            <Alert key={flag} type="error" showIcon title={flagLabel(t, flag)} description={flagHelp(t, flag)} data-testid="customer-flag-alert" data-flag={flag} />
          ))}
        </Flex>
      )}
      <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2, xl: 3 }} items={items} data-testid="customer-profile" />
    </Flex>
  );
}

export function IdentitiesTab({ identities }: { identities: Identity[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Identity> = [
    { title: t('customers.identity.kind'), dataIndex: 'kind', key: 'kind', render: (kind: string) => identityKindLabel(t, kind) },
    { title: t('customers.identity.value'), dataIndex: 'value', key: 'value' },
    { title: t('customers.identity.source'), dataIndex: 'source', key: 'source', render: (source: string | null) => (source ? sourceLabel(t, source) : '—') },
    { title: t('customers.identity.createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: formatTime },
  ];
  return (
    <Table<Identity>
      rowKey={(i) => `${i.kind}:${i.value}`}
      size="small"
      columns={columns}
      dataSource={identities}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="customer-identities"
      locale={{ emptyText: t('customers.identity.empty') }}
    />
  );
}

export function ContactsTab({ contacts }: { contacts: Contact[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Contact> = [
    { title: t('customers.contact.name'), dataIndex: 'name', key: 'name' },
    { title: t('customers.contact.title'), dataIndex: 'title', key: 'title', render: orDash },
    { title: t('customers.contact.mobile'), dataIndex: 'mobile', key: 'mobile', render: orDash },
    { title: t('customers.contact.email'), dataIndex: 'email', key: 'email', render: orDash },
  ];
  return (
    <Table<Contact>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={contacts}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="customer-contacts"
      locale={{ emptyText: t('customers.contact.empty') }}
    />
  );
}

export function OrdersTab({ orders, totals }: { orders: Order[]; totals: CustomerDetail['orderTotals'] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const columns: TableColumnsType<Order> = [
    { title: t('customers.order.orderedAt'), dataIndex: 'orderedAt', key: 'orderedAt', render: formatTime },
    { title: t('customers.order.channel'), dataIndex: 'channel', key: 'channel', render: (channel: string) => sourceLabel(t, channel) },
    { title: t('customers.order.orderNo'), dataIndex: 'orderNo', key: 'orderNo' },
    { title: t('customers.order.items'), dataIndex: 'items', key: 'items', render: (items: unknown) => itemsText(items) || '—' },
    { title: t('customers.order.amount'), dataIndex: 'amount', key: 'amount', align: 'right', render: (amount: string) => formatAmount(amount, language) },
  ];
  return (
    <Flex vertical gap={8}>
      <Typography.Text data-testid="customer-order-totals">
        {t('customers.order.totals', { count: totals.count, amount: formatAmount(totals.amount, language) })}
      </Typography.Text>
      {totals.count > orders.length && <Typography.Text type="secondary">{t('customers.order.latestOnly', { count: orders.length })}</Typography.Text>}
      <Table<Order>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={orders}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="customer-orders"
        locale={{ emptyText: t('customers.order.empty') }}
      />
    </Flex>
  );
}

export function SourcesTab({ sources }: { sources: CustomerSource[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<CustomerSource> = [
    { title: t('customers.source.receivedAt'), dataIndex: 'receivedAt', key: 'receivedAt', render: formatTime },
    { title: t('customers.source.channel'), dataIndex: 'channel', key: 'channel', render: (channel: string) => sourceLabel(t, channel) },
    {
      title: t('customers.source.import'),
      dataIndex: 'importId',
      key: 'importId',
      render: (importId: string | null, s) =>
        importId ? (
          <Link to={`/imports/${importId}`}>{s.line ? t('customers.source.importLine', { line: s.line }) : t('customers.source.openImport')}</Link>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <Table<CustomerSource>
      rowKey={(s) => `${s.channel}:${s.importId ?? ''}:${s.line ?? ''}:${s.receivedAt}`}
      size="small"
      columns={columns}
      dataSource={sources}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="customer-sources"
      locale={{ emptyText: t('customers.source.empty') }}
    />
  );
}

export function MergesTab({ customerId, merges, canUndo, onUndone }: { customerId: string; merges: Merge[]; canUndo: boolean; onUndone(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useErrorHandler();
  const [busy, setBusy] = useState<string | null>(null);

  const undo = async (merge: Merge) => {
    setBusy(merge.id);
    try {
      await api<unknown>(`/merges/${merge.id}/undo`, { method: 'POST' });
      void message.success(t('customers.merge.undone'));
      onUndone();
    } catch (error) {
      onError(error);
    } finally {
      setBusy(null);
    }
  };

  if (merges.length === 0) return <Empty description={t('customers.merge.empty')} data-testid="customer-merges" />;
  return (
    <Flex vertical gap={12} data-testid="customer-merges">
      {merges.map((merge) => {
        const absorbed = merge.survivorId === customerId;
        const other = absorbed ? merge.mergedId : merge.survivorId;
        return (
          <Card key={merge.id} size="small" data-testid="customer-merge" data-merge-id={merge.id}>
            <Flex justify="space-between" gap={8} wrap>
              <Flex vertical gap={4} style={{ minWidth: 0, flex: '1 1 240px' }}>
                <Typography.Text>
                  {formatTime(merge.at)} ·{' '}
                  {merge.automatic ? <Tag color="blue">{t('customers.merge.automatic')}</Tag> : <Tag>{t('customers.merge.manual')}</Tag>}
                  {merge.undoneAt && (
                    <Tag color="default" data-testid="customer-merge-undone">
                      {t('customers.merge.undoneAt', { at: formatTime(merge.undoneAt) })}
                    </Tag>
                  )}
                </Typography.Text>
                <Typography.Text>
                  {absorbed ? t('customers.merge.absorbed') : t('customers.merge.mergedInto')}{' '}
                  <Link to={`/customers/${other}`} data-testid="customer-merge-other">
                    {t('customers.merge.otherRecord')}
                  </Link>
                  {merge.score !== null && <> · {t('customers.merge.score', { score: scorePercent(merge.score) })}</>}
                </Typography.Text>
                <Flex wrap gap={4}>
                  {reasonsOf(merge.reasons).map((reason, index) => (
                    <Tag key={`${reason.code}-${index}`} color={reason.weight < 0 ? 'orange' : 'green'} style={{ marginInlineEnd: 0 }}>
                      {reasonLabel(t, reason)}
                    </Tag>
                  ))}
                </Flex>
              </Flex>
              {canUndo && !merge.undoneAt && (
                <Popconfirm
                  title={t('customers.merge.confirmUndo')}
                  description={t('customers.merge.confirmUndoHelp')}
                  okText={t('customers.merge.undo')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ 'data-testid': 'confirm-ok' }}
                  onConfirm={() => undo(merge)}
                >
                  <Button icon={<UndoOutlined />} loading={busy === merge.id} data-testid="customer-merge-undo">
                    {t('customers.merge.undo')}
                  </Button>
                </Popconfirm>
              )}
            </Flex>
          </Card>
        );
      })}
    </Flex>
  );
}
