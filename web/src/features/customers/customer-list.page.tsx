import { DownloadOutlined, PlusOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Flex, Grid, Input, Select, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { apiUrl } from '../../app/api.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { useSession } from '../../app/session.tsx';
import { useCursorList } from '../../app/use-cursor-list.ts';
import { CompletenessBar, FlagTags, KindTag, MobileText, TagList } from './customer-bits.tsx';
import { CustomerCreateModal } from './customer-create.modal.tsx';
import { filterFromParams, filterQuery, filterToParams } from './customer-filter.ts';
import { regionText } from './customer.format.ts';
import { flagLabel } from './customer.labels.ts';
import { KNOWN_FLAGS, type Customer, type CustomerFilter, type CustomerKind, type CustomerSort } from './customer.types.ts';

/** A text filter that applies on Enter, on leaving the box, or on clearing it (not on every key). */
function FilterInput({ value, placeholder, testId, width, onChange }: { value?: string; placeholder: string; testId: string; width: number; onChange(value: string): void }) {
  const [draft, setDraft] = useState(value ?? '');
  useEffect(() => setDraft(value ?? ''), [value]);
  const commit = (next: string) => {
    if (next.trim() !== (value ?? '')) onChange(next.trim());
  };
  return (
    <Input
      allowClear
      value={draft}
      placeholder={placeholder}
      style={{ width, maxWidth: '100%' }}
      data-testid={testId}
      onChange={(e) => {
        setDraft(e.target.value);
        if (e.type !== 'change') commit(e.target.value); // the clear icon
      }}
      onPressEnter={() => commit(draft)}
      onBlur={() => commit(draft)}
    />
  );
}

export function CustomerListPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const query = filterQuery(filter);
  const list = useCursorList<Customer>('/customers', query);
  const [creating, setCreating] = useState(false);
  const narrow = Grid.useBreakpoint().sm === false;

  const update = (patch: Partial<CustomerFilter>) => setParams(filterToParams({ ...filter, ...patch }), { replace: true });

  const columns: TableColumnsType<Customer> = [
    {
      title: t('customers.field.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, c) => (
        <Flex vertical gap={2}>
          <Link to={`/customers/${c.id}`} onClick={(e) => e.stopPropagation()} data-testid="customer-name">
            <Typography.Text strong>{name}</Typography.Text>
          </Link>
          {/* A phone has no room for the mobile and flag columns: they go under the name. */}
          {narrow && (
            <>
              {c.mobile && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  <MobileText customer={c} />
                </Typography.Text>
              )}
              <FlagTags flags={c.flags} />
            </>
          )}
        </Flex>
      ),
    },
    { title: t('customers.field.kind'), dataIndex: 'kind', key: 'kind', responsive: ['sm'], render: (value: CustomerKind) => <KindTag kind={value} /> },
    // The server masks the number for roles that may not see it (e.g. 138****5678); shown as given.
    { title: t('customers.field.mobile'), dataIndex: 'mobile', key: 'mobile', responsive: ['sm'], render: (_: unknown, c) => <MobileText customer={c} /> },
    {
      title: t('customers.field.completeness'),
      dataIndex: 'completeness',
      key: 'completeness',
      render: (value: number) => <CompletenessBar value={value} />,
    },
    { title: t('customers.field.flags'), dataIndex: 'flags', key: 'flags', responsive: ['sm'], render: (flags: string[]) => <FlagTags flags={flags} /> },
    { title: t('customers.field.tags'), dataIndex: 'tags', key: 'tags', responsive: ['md'], render: (tags: string[]) => <TagList tags={tags} /> },
    { title: t('customers.field.creditCode'), dataIndex: 'creditCode', key: 'creditCode', responsive: ['lg'], render: (v: string | null) => v ?? '—' },
    { title: t('customers.field.region'), key: 'region', responsive: ['md'], render: (_: unknown, c) => regionText(c) || '—' },
    { title: t('customers.field.createdAt'), dataIndex: 'createdAt', key: 'createdAt', responsive: ['lg'], render: (v: string) => dayjs(v).format('YYYY-MM-DD') },
  ];

  const exportLink = (format: 'csv' | 'xlsx') => apiUrl('/customers/export', { ...query, format });

  return (
    <>
      <PageHeader
        title={t('customers.title')}
        extra={
          <>
            {can('customers.export') && (
              <>
                <Button icon={<DownloadOutlined />} href={exportLink('csv')} download data-testid="customers-export-csv">
                  {t('customers.exportCsv')}
                </Button>
                <Button icon={<DownloadOutlined />} href={exportLink('xlsx')} download data-testid="customers-export-xlsx">
                  {t('customers.exportXlsx')}
                </Button>
              </>
            )}
            {can('customers.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="customers-create">
                {t('customers.create')}
              </Button>
            )}
          </>
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 16 }} data-testid="customers-filters">
        <Flex gap={4} align="center" style={{ width: 360, maxWidth: '100%' }}>
          <Input.Search
            allowClear
            defaultValue={filter.q}
            key={filter.q ?? ''}
            placeholder={t('customers.searchPlaceholder')}
            onSearch={(value) => update({ q: value.trim() || undefined })}
            style={{ flex: 1, minWidth: 0 }}
            data-testid="customers-search"
          />
          <Tooltip title={t('customers.searchHelp')}>
            <QuestionCircleOutlined style={{ color: '#8c8c8c' }} aria-label={t('customers.searchHelp')} data-testid="customers-search-help" />
          </Tooltip>
        </Flex>
        <Select<CustomerKind>
          allowClear
          placeholder={t('customers.field.kind')}
          value={filter.kind}
          onChange={(kind) => update({ kind })}
          options={[
            { value: 'person', label: t('customers.kind.person') },
            { value: 'company', label: t('customers.kind.company') },
          ]}
          style={{ width: 110 }}
          data-testid="customers-kind-filter"
        />
        <Select<string>
          allowClear
          placeholder={t('customers.field.flags')}
          value={filter.flag}
          onChange={(flag) => update({ flag })}
          options={KNOWN_FLAGS.map((flag) => ({ value: flag, label: flagLabel(t, flag) }))}
          style={{ width: 160 }}
          popupMatchSelectWidth={false}
          data-testid="customers-flag-filter"
        />
        <FilterInput value={filter.tag} placeholder={t('customers.field.tag')} width={110} testId="customers-tag-filter" onChange={(tag) => update({ tag })} />
        <FilterInput value={filter.province} placeholder={t('customers.field.province')} width={110} testId="customers-province-filter" onChange={(province) => update({ province })} />
        <FilterInput value={filter.city} placeholder={t('customers.field.city')} width={110} testId="customers-city-filter" onChange={(city) => update({ city })} />
        <Select<CustomerSort>
          value={filter.sort ?? '-createdAt'}
          onChange={(sort) => update({ sort })}
          options={[
            { value: '-createdAt', label: t('customers.sort.newest') },
            { value: 'name', label: t('customers.sort.name') },
            { value: 'completeness', label: t('customers.sort.leastComplete') },
          ]}
          style={{ width: 150 }}
          popupMatchSelectWidth={false}
          data-testid="customers-sort"
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
        onRow={(c) =>
          ({ 'data-testid': 'customer-row', 'data-customer-id': c.id, onClick: () => void navigate(`/customers/${c.id}`), style: { cursor: 'pointer' } }) as HTMLAttributes<HTMLElement>
        }
      />
      {list.hasMore && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={list.loadMore} loading={list.loadingMore} data-testid="customers-load-more">
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
      <CustomerCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(customer) => {
          setCreating(false);
          void navigate(`/customers/${customer.id}`);
        }}
      />
    </>
  );
}
