import { EditOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Button, Flex, Grid, Segmented, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../app/page-header.tsx';
import { useCursorList } from '../../app/use-cursor-list.ts';
import { DeadlineTag, formatTime, LevelTag, PoolSearchFilters, RecordTitle, regionText, TypeTag } from './pool-bits.tsx';
import { RecordEditModal, ReleaseModal } from './pool-record.modals.tsx';
import { poolFilterFromParams, poolFilterQuery, poolFilterToParams, refKey } from './pool.format.ts';
import type { PoolFilter, PoolRecord } from './pool.types.ts';
import { usePools } from './use-pools.ts';

const DEFAULT_DUE_DAYS = 3;

/** 我的私海: what I hold in every pool, when each would go back and why, with release and edit. */
export function PoolMinePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = poolFilterFromParams(params, 'mine');
  const { pools, reload: reloadPools } = usePools();
  const list = useCursorList<PoolRecord>('/pool/records', poolFilterQuery({ ...filter, view: 'mine' }, null));
  const [releasing, setReleasing] = useState<PoolRecord | null>(null);
  const [editing, setEditing] = useState<PoolRecord | null>(null);
  const narrow = Grid.useBreakpoint().sm === false;
  const now = new Date();

  const poolsById = useMemo(() => new Map(pools.map((p) => [p.id, p])), [pools]);
  // "Due soon" is the widest warning window among my pools, so nothing a pool warns about is left out.
  const dueDays = Math.max(0, ...pools.filter((p) => p.canClaim).map((p) => p.warnDays)) || DEFAULT_DUE_DAYS;
  const warnDaysOf = (record: PoolRecord) => poolsById.get(record.poolId)?.warnDays ?? dueDays;

  const update = (patch: Partial<PoolFilter>) => setParams(poolFilterToParams({ ...filter, ...patch, view: 'mine' }, 'mine'), { replace: true });

  const actions = (record: PoolRecord) => (
    <Flex gap={4} wrap>
      <Button size="small" icon={<RollbackOutlined />} onClick={() => setReleasing(record)} data-testid="pool-release">
        {t('pool.release.action')}
      </Button>
      <Button size="small" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => setEditing(record)} data-testid="pool-edit">
        {narrow ? null : t('common.edit')}
      </Button>
    </Flex>
  );

  const columns: TableColumnsType<PoolRecord> = [
    {
      title: t('pool.field.title'),
      key: 'title',
      render: (_: unknown, record) => (
        <Flex vertical gap={4} style={{ minWidth: 0 }}>
          <Flex gap={6} wrap align="center">
            <TypeTag type={record.type} />
            <LevelTag level={record.level} />
            <RecordTitle record={record} link />
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {record.poolName}
            {narrow ? ` · ${t('pool.mine.claimedOn', { when: formatTime(record.claimedAt) })}` : ''}
          </Typography.Text>
          {narrow && (
            <>
              <DeadlineTag record={record} warnDays={warnDaysOf(record)} now={now} />
              {actions(record)}
            </>
          )}
        </Flex>
      ),
    },
    { title: t('pool.field.region'), key: 'region', responsive: ['lg'], render: (_: unknown, record) => regionText(record) },
    { title: t('pool.field.claimedAt'), dataIndex: 'claimedAt', key: 'claimedAt', responsive: ['sm'], render: (v: string | null) => formatTime(v) },
    { title: t('pool.field.lastFollowUpAt'), dataIndex: 'lastFollowUpAt', key: 'lastFollowUpAt', responsive: ['md'], render: (v: string | null) => formatTime(v) },
    { title: t('pool.field.deadline'), key: 'deadline', responsive: ['sm'], render: (_: unknown, record) => <DeadlineTag record={record} warnDays={warnDaysOf(record)} now={now} /> },
    { title: t('common.actions'), key: 'actions', responsive: ['sm'], render: (_: unknown, record) => actions(record) },
  ];

  const due = filter.dueWithinDays !== undefined;

  return (
    <>
      <PageHeader
        title={t('pool.mine.title')}
        extra={
          <Button onClick={() => void navigate('/pool')} data-testid="pool-to-public">
            {t('pool.mine.toPublic')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('pool.mine.help')}</Typography.Paragraph>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }} data-testid="pool-mine-filters">
        <Segmented<'all' | 'due'>
          value={due ? 'due' : 'all'}
          onChange={(v) => update({ dueWithinDays: v === 'due' ? dueDays : undefined })}
          options={[
            { value: 'all', label: <span data-testid="pool-mine-all">{t('pool.mine.all')}</span> },
            { value: 'due', label: <span data-testid="pool-mine-due">{t('pool.mine.dueSoon', { days: filter.dueWithinDays ?? dueDays })}</span> },
          ]}
        />
        <PoolSearchFilters filter={filter} update={update} testId="pool-mine" />
      </Flex>
      <Table<PoolRecord>
        rowKey={refKey}
        size="middle"
        data-testid="pool-mine-table"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: due ? t('pool.mine.emptyDue') : t('pool.mine.empty') }}
        onRow={(record) => ({ 'data-testid': 'pool-mine-row', 'data-record-id': record.id, 'data-record-type': record.type }) as HTMLAttributes<HTMLElement>}
      />
      {list.hasMore && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={list.loadMore} loading={list.loadingMore} data-testid="pool-mine-load-more">
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
      <ReleaseModal
        record={releasing}
        onClose={() => setReleasing(null)}
        onReleased={() => {
          void message.success(t('pool.release.done', { name: releasing?.title ?? '' }));
          setReleasing(null);
          list.reload();
          reloadPools();
        }}
      />
      <RecordEditModal
        record={editing}
        pool={editing ? poolsById.get(editing.poolId) : undefined}
        onClose={() => setEditing(null)}
        onSaved={() => {
          void message.success(t('pool.edit.saved'));
          setEditing(null);
          list.reload();
        }}
      />
    </>
  );
}
