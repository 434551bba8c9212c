import { DeleteOutlined, EditOutlined, PhoneOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Popconfirm, Result, Skeleton, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../../app/api.ts';
import { useSession } from '../../app/session.tsx';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { CompletenessBar, KindTag } from './customer-bits.tsx';
import { CustomerEditDrawer } from './customer-edit.drawer.tsx';
import { ContactsTab, IdentitiesTab, MergesTab, OrdersTab, ProfileTab, SourcesTab } from './customer-sections.tsx';
import { CustomerTagsEditor } from './customer-tags.editor.tsx';
import { CustomerOpportunities } from '../pipeline/customer-opportunities.tsx';
import { MoveToPoolButton } from '../pool/move-to-pool.button.tsx';
import { PoolHistory } from '../pool/pool-history.tsx';
import { RecordTasks } from '../tasks/record-tasks.tsx';
import type { Customer, CustomerDetail } from './customer.types.ts';

export function CustomerPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const onError = useErrorHandler();
  const [detail, setDetail] = useState<CustomerDetail | null>(null);
  const [missing, setMissing] = useState(false);
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [generation, setGeneration] = useState(0);
  const canWrite = can('customers.write');

  useEffect(() => {
    const controller = new AbortController();
    setMissing(false);
    api<CustomerDetail>(`/customers/${id}/detail`, { signal: controller.signal })
      .then(setDetail)
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && (error.status === 404 || error.code === 'validation_failed')) setMissing(true);
        else onError(error);
      });
    return () => controller.abort();
  }, [id, generation, onError]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  // Back to the list as it was (its filters live in the address); straight to it when the page was opened directly.
  const back = () => ((window.history.state as { idx?: number } | null)?.idx ? void navigate(-1) : void navigate('/customers'));
  const setCustomer = (customer: Customer) => setDetail((previous) => (previous ? { ...previous, customer } : previous));

  const markDead = async () => {
    setBusy(true);
    try {
      setCustomer(await api<Customer>(`/customers/${id}/mobile-dead`, { method: 'POST' }));
      void message.success(t('customers.mobileMarkedDead'));
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    try {
      await api<void>(`/customers/${id}`, { method: 'DELETE' });
      void message.success(t('customers.deleted', { name: detail?.customer.name ?? '' }));
      void navigate('/customers', { replace: true });
    } catch (error) {
      onError(error);
      setBusy(false);
    }
  };

  if (missing) {
    return (
      <Result
        status="404"
        title="404"
        subTitle={t('customers.notFound')}
        data-testid="customer-not-found"
        extra={<Button onClick={() => void navigate('/customers')}>{t('customers.backToList')}</Button>}
      />
    );
  }
  if (!detail || detail.customer.id !== id) return <Skeleton active data-testid="customer-loading" />;

  const { customer } = detail;
  const canMarkDead = canWrite && customer.mobile !== null && customer.mobileStatus !== 'dead';
  const count = (n: number) => (n > 0 ? ` (${n})` : '');

  return (
    <div data-testid="customer-page" data-customer-id={customer.id}>
      <Typography.Link onClick={back} style={{ display: 'inline-block', marginBottom: 8 }} data-testid="customer-back">
        ← {t('customers.backToList')}
      </Typography.Link>
      <Card style={{ marginBottom: 16 }}>
        <Flex justify="space-between" align="flex-start" wrap gap={12}>
          <Flex vertical gap={8} style={{ minWidth: 0, flex: '1 1 260px' }}>
            <Flex align="center" gap={8} wrap>
              <Typography.Title level={4} style={{ margin: 0, wordBreak: 'break-all' }} data-testid="page-title">
                {customer.name}
              </Typography.Title>
              <KindTag kind={customer.kind} />
            </Flex>
            <Flex align="center" gap={8}>
              <Typography.Text type="secondary">{t('customers.field.completeness')}</Typography.Text>
              <CompletenessBar value={customer.completeness} width={160} />
            </Flex>
            <CustomerTagsEditor customer={customer} editable={canWrite} onSaved={setCustomer} />
          </Flex>
          {canWrite && (
            <Flex gap={8} wrap>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="customer-edit-open">
                {t('common.edit')}
              </Button>
              {can('pool.manage') && <MoveToPoolButton type="customer" id={customer.id} onMoved={() => setGeneration((g) => g + 1)} />}
              {canMarkDead && (
                <Popconfirm
                  title={t('customers.confirmMobileDead', { mobile: customer.mobile })}
                  description={t('customers.confirmMobileDeadHelp')}
                  okText={t('customers.markMobileDead')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ 'data-testid': 'confirm-ok' }}
                  onConfirm={markDead}
                >
                  <Button icon={<PhoneOutlined />} loading={busy} data-testid="customer-mobile-dead">
                    {t('customers.markMobileDead')}
                  </Button>
                </Popconfirm>
              )}
              <Popconfirm
                title={t('customers.confirmDelete', { name: customer.name })}
                description={t('customers.confirmDeleteHelp')}
                okText={t('common.delete')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true, 'data-testid': 'confirm-ok' }}
                onConfirm={remove}
              >
                <Button danger icon={<DeleteOutlined />} loading={busy} data-testid="customer-delete">
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            </Flex>
          )}
        </Flex>
      </Card>
      <RecordTasks recordType="customer" recordId={customer.id} style={{ marginBottom: 16 }} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          data-testid="customer-tabs"
          items={[
            { key: 'profile', label: t('customers.tab.profile'), children: <ProfileTab customer={customer} /> },
            { key: 'identities', label: t('customers.tab.identities') + count(detail.identities.length), children: <IdentitiesTab identities={detail.identities} /> },
            { key: 'contacts', label: t('customers.tab.contacts') + count(detail.contacts.length), children: <ContactsTab contacts={detail.contacts} /> },
            { key: 'orders', label: t('customers.tab.orders') + count(detail.orderTotals.count), children: <OrdersTab orders={detail.orders} totals={detail.orderTotals} /> },
            { key: 'sources', label: t('customers.tab.sources') + count(detail.sources.length), children: <SourcesTab sources={detail.sources} /> },
            ...(can('pipeline.read') ? [{ key: 'opportunities', label: t('pipeline.customerSection.title'), children: <CustomerOpportunities customer={customer} /> }] : []),
            ...(can('pool.claim') || can('pool.manage') ? [{ key: 'pool', label: t('pool.history.title'), children: <PoolHistory type="customer" id={customer.id} /> }] : []),
            {
              key: 'merges',
              label: t('customers.tab.merges') + count(detail.merges.length),
              children: <MergesTab customerId={customer.id} merges={detail.merges} canUndo={canWrite} onUndone={reload} />,
            },
          ].map((item) => ({ ...item, label: <span data-testid={`customer-tab-${item.key}`}>{item.label}</span> }))}
        />
      </Card>
      <CustomerEditDrawer
        customer={editing ? customer : null}
        onClose={() => setEditing(false)}
        onSaved={(saved) => {
          setEditing(false);
          setCustomer(saved);
          void message.success(t('customers.saved'));
        }}
      />
    </div>
  );
}
