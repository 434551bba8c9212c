import { Button, Flex, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/page-header.tsx';
import { useCursorList } from '../../app/use-cursor-list.ts';

export type CustomerKind = 'person' | 'company';

export type Customer = {
  id: string;
  kind: CustomerKind;
  name: string;
  mobile: string | null;
  creditCode: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  address: string | null;
  createdAt: string;
};

function KindTag({ kind }: { kind: CustomerKind }) {
  const { t } = useTranslation();
  switch (kind) {
    case 'person':
      return <Tag color="blue">{t('customers.kind.person')}</Tag>;
    case 'company':
      return <Tag color="purple">{t('customers.kind.company')}</Tag>;
  }
}

export function CustomerListPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<CustomerKind | undefined>();
  const list = useCursorList<Customer>('/customers', { q, kind });

  const columns: TableColumnsType<Customer> = [
    { title: t('customers.field.name'), dataIndex: 'name', key: 'name', render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
    { title: t('customers.field.kind'), dataIndex: 'kind', key: 'kind', render: (value: CustomerKind) => <KindTag kind={value} /> },
    // The server masks the number for roles that may not see it (e.g. 138****5678); shown as given.
    { title: t('customers.field.mobile'), dataIndex: 'mobile', key: 'mobile', render: (v: string | null) => <span data-testid="customer-mobile">{v ?? '—'}</span> },
    { title: t('customers.field.creditCode'), dataIndex: 'creditCode', key: 'creditCode', responsive: ['md'], render: (v: string | null) => v ?? '—' },
    {
      title: t('customers.field.region'),
      key: 'region',
      responsive: ['sm'],
      render: (_: unknown, c) => [c.province, c.city, c.district].filter(Boolean).join(' ') || '—',
    },
    { title: t('customers.field.address'), dataIndex: 'address', key: 'address', responsive: ['md'], ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: t('customers.field.createdAt'), dataIndex: 'createdAt', key: 'createdAt', responsive: ['md'], render: (v: string) => dayjs(v).format('YYYY-MM-DD') },
  ];

  return (
    <>
      <PageHeader title={t('customers.title')} />
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('customers.searchPlaceholder')}
          onSearch={(value) => setQ(value.trim())}
          style={{ width: 320, maxWidth: '100%' }}
          data-testid="customers-search"
        />
        <Select<CustomerKind>
          allowClear
          placeholder={t('customers.field.kind')}
          value={kind}
          onChange={setKind}
          options={[
            { value: 'person', label: t('customers.kind.person') },
            { value: 'company', label: t('customers.kind.company') },
          ]}
          style={{ width: 140 }}
          data-testid="customers-kind-filter"
        />
      </Flex>
      <Table<Customer>
        rowKey="id"
        size="middle"
        data-testid="customers-table"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      {list.hasMore && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={list.loadMore} loading={list.loadingMore} data-testid="customers-load-more">
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
    </>
  );
}
