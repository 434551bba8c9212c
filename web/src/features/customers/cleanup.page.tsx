import { EditOutlined } from '@ant-design/icons';
import { App, Button, Flex, Grid, Select, Table, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../app/page-header.tsx';
import { useSession } from '../../app/session.tsx';
import { useCursorList } from '../../app/use-cursor-list.ts';
import { CompletenessBar, FlagTags, KindTag, MobileText } from './customer-bits.tsx';
import { CustomerEditDrawer } from './customer-edit.drawer.tsx';
import { regionText } from './customer.format.ts';
import { flagLabel } from './customer.labels.ts';
import { KNOWN_FLAGS, type Customer, type CustomerKind } from './customer.types.ts';

/** The least complete customers first, with what is wrong with them, fixed one by one in a drawer. */
export function CleanupPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const [kind, setKind] = useState<CustomerKind | undefined>();
  const [flag, setFlag] = useState<string | undefined>();
  const list = useCursorList<Customer>('/customers', { sort: 'completeness', kind, flag }, 30);
  const [editing, setEditing] = useState<Customer | null>(null);
  const canWrite = can('customers.write');
  const narrow = Grid.useBreakpoint().sm === false;
  const fixButton = (c: Customer) => (
    <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(c)} data-testid="cleanup-fix">
      {t('cleanup.fix')}
    </Button>
  );

  const columns: TableColumnsType<Customer> = [
    {
      title: t('customers.field.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, c) => (
        <Flex vertical gap={4} align="flex-start">
          <Link to={`/customers/${c.id}`} data-testid="cleanup-name">
            <Typography.Text strong>{name}</Typography.Text>
          </Link>
          {/* On a phone the flags and the fix button sit under the name, not in columns off the screen. */}
          {narrow && <FlagTags flags={c.flags} />}
          {narrow && canWrite && fixButton(c)}
        </Flex>
      ),
    },
    { title: t('customers.field.completeness'), dataIndex: 'completeness', key: 'completeness', render: (value: number) => <CompletenessBar value={value} width={narrow ? 80 : 100} /> },
    { title: t('customers.field.flags'), dataIndex: 'flags', key: 'flags', responsive: ['sm'], render: (flags: string[]) => <FlagTags flags={flags} /> },
    { title: t('customers.field.kind'), dataIndex: 'kind', key: 'kind', responsive: ['md'], render: (value: CustomerKind) => <KindTag kind={value} /> },
    { title: t('customers.field.mobile'), key: 'mobile', responsive: ['md'], render: (_: unknown, c) => <MobileText customer={c} /> },
    { title: t('customers.field.region'), key: 'region', responsive: ['lg'], render: (_: unknown, c) => regionText(c) || '—' },
    ...(canWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            responsive: ['sm' as const],
            render: (_: unknown, c: Customer) => fixButton(c),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader title={t('cleanup.title')} />
      <Typography.Paragraph type="secondary">{t('cleanup.help')}</Typography.Paragraph>
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Select<CustomerKind>
          allowClear
          placeholder={t('customers.field.kind')}
          value={kind}
          onChange={setKind}
          options={[
            { value: 'person', label: t('customers.kind.person') },
            { value: 'company', label: t('customers.kind.company') },
          ]}
          style={{ width: 120 }}
          data-testid="cleanup-kind-filter"
        />
        <Select<string>
          allowClear
          placeholder={t('customers.field.flags')}
          value={flag}
          onChange={setFlag}
          options={KNOWN_FLAGS.map((value) => ({ value, label: flagLabel(t, value) }))}
          style={{ width: 180 }}
          popupMatchSelectWidth={false}
          data-testid="cleanup-flag-filter"
        />
      </Flex>
      <Table<Customer>
        rowKey="id"
        size="middle"
        data-testid="cleanup-table"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(c) => ({ 'data-testid': 'cleanup-row', 'data-customer-id': c.id }) as HTMLAttributes<HTMLElement>}
      />
      {list.hasMore && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={list.loadMore} loading={list.loadingMore} data-testid="cleanup-load-more">
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
      <CustomerEditDrawer
        customer={editing}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          setEditing(null);
          list.replace((item) => item.id === saved.id, saved);
          void message.success(t('customers.saved'));
        }}
      />
    </>
  );
}
