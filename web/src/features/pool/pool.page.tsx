import { AimOutlined, HistoryOutlined, InboxOutlined, SwapOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { App, Badge, Button, Empty, Flex, Grid, Segmented, Select, Skeleton, Switch, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import { useEffect, useMemo, useRef, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../app/api.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { useSession } from '../../app/session.tsx';
import { useCursorList } from '../../app/use-cursor-list.ts';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { CommitInput } from './commit-input.tsx';
import { ClaimBlock, claimBlocked, DeadlineTag, DistanceText, formatTime, LevelTag, PoolSearchFilters, RecordTitle, regionText, TypeTag, UsageText } from './pool-bits.tsx';
import { ClaimResultPanel } from './pool-claim-result.tsx';
import { ManageModal } from './pool-record.modals.tsx';
import { poolFilterFromParams, poolFilterQuery, poolFilterToParams, refKey } from './pool.format.ts';
import { outcomeLabel } from './pool.labels.ts';
import type { ClaimResult, ClaimUsage, Pool, PoolFilter, PoolRecord } from './pool.types.ts';
import { RecycleRunsDrawer } from './recycle-runs.drawer.tsx';
import { usePeople, usePools, type Person } from './use-pools.ts';
import { usePosition, type PositionState } from './use-position.ts';

type ListView = 'public' | 'private';

/** 公海: browse a pool's unowned records and claim them; managers also see every private record and hand records out. */
export function PoolPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const canManage = can('pool.manage');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = poolFilterFromParams(params);
  const { pools, loading, reload: reloadPools } = usePools();
  const { people } = usePeople();
  const position = usePosition();
  const [runsOpen, setRunsOpen] = useState(false);
  const [generation, setGeneration] = useState(0);

  // A manager may look into pools they cannot claim from; a salesperson sees only their own pools.
  const visible = useMemo(() => pools.filter((p) => p.canClaim || canManage), [pools, canManage]);
  const pool = visible.find((p) => p.id === filter.poolId) ?? visible[0];
  const view: ListView = canManage && filter.view === 'private' ? 'private' : 'public';

  const setFilter = (next: PoolFilter) => setParams(poolFilterToParams(next), { replace: true });

  return (
    <>
      <PageHeader
        title={t('pool.title')}
        extra={
          <>
            <Button icon={<InboxOutlined />} onClick={() => void navigate('/pool/mine')} data-testid="pool-to-mine">
              {t('pool.nav.mine')}
            </Button>
            {canManage && (
              <Button icon={<HistoryOutlined />} onClick={() => setRunsOpen(true)} data-testid="pool-runs-open">
                {t('pool.runs.title')}
              </Button>
            )}
          </>
        }
      />
      {loading && pools.length === 0 ? (
        <Skeleton active />
      ) : !pool ? (
        <Empty description={t('pool.noPools')} data-testid="pool-none" />
      ) : (
        <>
          <Tabs
            activeKey={pool.id}
            onChange={(poolId) => setFilter({ view: filter.view, poolId, nearby: filter.nearby })}
            data-testid="pool-tabs"
            items={visible.map((p) => ({
              key: p.id,
              label: (
                <span data-testid={`pool-tab-${p.name}`}>
                  {p.name} <Badge count={p.counts.public} showZero overflowCount={9999} color={p.counts.public ? '#1677ff' : '#d9d9d9'} size="small" />
                </span>
              ),
            }))}
          />
          <PoolRecords
            key={`${pool.id}:${generation}`}
            pool={pool}
            pools={visible}
            view={view}
            filter={filter}
            people={people}
            position={position}
            canManage={canManage}
            canClaim={can('pool.claim') && pool.canClaim}
            onFilter={setFilter}
            onChanged={reloadPools}
          />
        </>
      )}
      {canManage && (
        <RecycleRunsDrawer
          open={runsOpen}
          onClose={() => setRunsOpen(false)}
          onRan={() => {
            reloadPools();
            setGeneration((n) => n + 1);
          }}
        />
      )}
    </>
  );
}

type RecordsProps = {
  pool: Pool;
  pools: Pool[];
  view: ListView;
  filter: PoolFilter;
  people: Person[];
  position: PositionState;
  canManage: boolean;
  canClaim: boolean;
  onFilter(filter: PoolFilter): void;
  onChanged(): void;
};

function PoolRecords({ pool, pools, view, filter, people, position, canManage, canClaim, onFilter, onChanged }: RecordsProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useErrorHandler();
  const narrow = Grid.useBreakpoint().sm === false;
  const nearby = view === 'public' && Boolean(filter.nearby);
  const list = useCursorList<PoolRecord>(`/pools/${pool.id}/records`, poolFilterQuery({ ...filter, view, nearby }, position.position));
  const [selected, setSelected] = useState<string[]>([]);
  const [claiming, setClaiming] = useState<string | null>(null);
  const [result, setResult] = useState<{ result: ClaimResult; titles: Map<string, string> } | null>(null);
  const [usage, setUsage] = useState<ClaimUsage | null>(null);
  // Today's claims and the private pool's fill show before the first claim too.
  useEffect(() => {
    if (!canClaim) return;
    let live = true;
    api<ClaimUsage>(`/pools/${pool.id}/usage`).then(
      (u) => live && setUsage(u),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [pool.id, canClaim]);
  const [manage, setManage] = useState<'assign' | 'move' | null>(null);
  const now = new Date();

  // Opened from a link with nearby-first on: ask for the position once.
  const { position: here, request, locating } = position;
  const asked = useRef(false);
  useEffect(() => {
    if (!nearby || here || locating || asked.current) return;
    asked.current = true;
    request().catch(() => void message.warning(t('pool.nearby.denied')));
  }, [nearby, here, locating, request, message, t]);

  const update = (patch: Partial<PoolFilter>) => {
    setSelected([]);
    onFilter({ ...filter, poolId: pool.id, ...patch });
  };

  const toggleNearby = (on: boolean) => {
    if (!on) return update({ nearby: undefined });
    request()
      .then(() => update({ nearby: true }))
      .catch(() => void message.warning(t('pool.nearby.denied')));
  };

  const byKey = useMemo(() => new Map(list.items.map((r) => [refKey(r), r])), [list.items]);
  const selectedRecords = selected.map((key) => byKey.get(key)).filter((r): r is PoolRecord => r !== undefined);

  const claim = async (records: PoolRecord[], key: string) => {
    setClaiming(key);
    try {
      const answer = await api<ClaimResult>('/pool/claim', { method: 'POST', body: { records: records.map(({ type, id }) => ({ type, id })) } });
      setResult({ result: answer, titles: new Map(records.map((r) => [refKey(r), r.title])) });
      if (answer.usage) setUsage(answer.usage);
      const first = answer.results[0];
      if (answer.claimed > 0) void message.success(t('pool.claim.done', { count: answer.claimed }));
      else if (first) void message.warning(outcomeLabel(t, first.outcome, first.until));
      setSelected([]);
      list.reload();
      onChanged();
    } catch (error) {
      onError(error);
    } finally {
      setClaiming(null);
    }
  };

  const claimButton = (record: PoolRecord) => (
    <Button
      size="small"
      type="primary"
      ghost
      loading={claiming === refKey(record)}
      disabled={claimBlocked(record, now)}
      onClick={(e) => {
        e.stopPropagation();
        void claim([record], refKey(record));
      }}
      data-testid="pool-claim-one"
    >
      {t('pool.claim.one')}
    </Button>
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
            <RecordTitle record={record} link={view === 'private'} />
          </Flex>
          {(narrow || nearby) && (
            <Flex gap={8} wrap align="center">
              {narrow && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {regionText(record)}
                  {view === 'private' && record.ownerName ? ` · ${record.ownerName}` : ''}
                </Typography.Text>
              )}
              <DistanceText km={record.distanceKm} />
            </Flex>
          )}
          {view === 'public' && <ClaimBlock record={record} now={now} />}
          {view === 'public' && canClaim && narrow && <div>{claimButton(record)}</div>}
          {view === 'private' && narrow && <DeadlineTag record={record} warnDays={pool.warnDays} now={now} />}
        </Flex>
      ),
    },
    { title: t('pool.field.region'), key: 'region', responsive: ['sm'], render: (_: unknown, record) => regionText(record) },
    { title: t('pool.field.industry'), dataIndex: 'industry', key: 'industry', responsive: ['lg'], render: (v: string | null) => v ?? '—' },
    ...(view === 'public'
      ? ([
          { title: t('pool.field.source'), dataIndex: 'source', key: 'source', responsive: ['lg'], render: (v: string | null) => v ?? '—' },
          { title: t('pool.field.enteredAt'), dataIndex: 'enteredAt', key: 'enteredAt', responsive: ['md'], render: (v: string) => formatTime(v) },
          { title: t('pool.field.fallCount'), dataIndex: 'fallCount', key: 'fallCount', responsive: ['lg'], align: 'right' },
        ] as TableColumnsType<PoolRecord>)
      : ([
          { title: t('pool.field.owner'), dataIndex: 'ownerName', key: 'owner', responsive: ['sm'], render: (v: string | null) => <span data-testid="pool-record-owner">{v ?? '—'}</span> },
          { title: t('pool.field.claimedAt'), dataIndex: 'claimedAt', key: 'claimedAt', responsive: ['md'], render: (v: string | null) => formatTime(v) },
          { title: t('pool.field.deadline'), key: 'deadline', responsive: ['sm'], render: (_: unknown, record) => <DeadlineTag record={record} warnDays={pool.warnDays} now={now} /> },
        ] as TableColumnsType<PoolRecord>)),
    // On a phone the button sits in the record's cell, where a thumb finds it without scrolling sideways.
    ...(view === 'public' && canClaim && !narrow
      ? ([
          { title: t('common.actions'), key: 'actions', fixed: 'right', render: (_: unknown, record) => claimButton(record) },
        ] as TableColumnsType<PoolRecord>)
      : []),
  ];

  const selectable = (view === 'public' && canClaim) || canManage;

  return (
    <>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }} data-testid="pool-filters">
        {canManage && (
          <Segmented<ListView>
            value={view}
            onChange={(next) => update({ view: next, ownerUserId: undefined, nearby: undefined })}
            options={[
              { value: 'public', label: <span data-testid="pool-view-public">{t('pool.view.public')}</span> },
              { value: 'private', label: <span data-testid="pool-view-private">{t('pool.view.private')}</span> },
            ]}
            data-testid="pool-view"
          />
        )}
        <PoolSearchFilters filter={filter} update={update} testId="pool" />
        <Select<string>
          allowClear
          placeholder={t('pool.field.level')}
          value={filter.level}
          onChange={(level) => update({ level })}
          options={pool.levels.map((level) => ({ value: level, label: level }))}
          style={{ width: 90 }}
          popupMatchSelectWidth={false}
          data-testid="pool-level-filter"
        />
        <CommitInput value={filter.province} onChange={(province) => update({ province })} placeholder={t('pool.field.province')} testId="pool-province-filter" width={110} />
        <CommitInput value={filter.city} onChange={(city) => update({ city })} placeholder={t('pool.field.city')} testId="pool-city-filter" width={110} />
        {view === 'private' && (
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('pool.field.owner')}
            value={filter.ownerUserId}
            onChange={(ownerUserId) => update({ ownerUserId })}
            options={people.map((p) => ({ value: p.userId, label: p.name }))}
            style={{ width: 140 }}
            popupMatchSelectWidth={false}
            data-testid="pool-owner-filter"
          />
        )}
        {view === 'public' && (
          <Flex align="center" gap={6}>
            <Switch checked={nearby} loading={locating} onChange={toggleNearby} size="small" data-testid="pool-nearby" />
            <Typography.Text>
              <AimOutlined /> {t('pool.nearby.label')}
            </Typography.Text>
          </Flex>
        )}
      </Flex>
      <Flex wrap gap={12} align="center" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary" data-testid="pool-counts">
          {t('pool.counts', { public: pool.counts.public, private: pool.counts.private, mine: pool.counts.mine })}
        </Typography.Text>
        {usage && <UsageText usage={usage} />}
      </Flex>
      {result && <ClaimResultPanel result={result.result} titles={result.titles} onClose={() => setResult(null)} />}
      {selectable && selected.length > 0 && (
        <Flex align="center" gap={8} wrap style={{ marginBottom: 12 }} data-testid="pool-bulk-bar">
          <Typography.Text>{t('pool.selected', { count: selected.length })}</Typography.Text>
          {view === 'public' && canClaim && (
            <Button type="primary" loading={claiming === 'bulk'} onClick={() => void claim(selectedRecords, 'bulk')} data-testid="pool-claim-selected">
              {t('pool.claim.selected')}
            </Button>
          )}
          {canManage && (
            <>
              <Button icon={<UserSwitchOutlined />} onClick={() => setManage('assign')} data-testid="pool-assign-selected">
                {t('pool.manage.assign')}
              </Button>
              {pools.length > 1 && (
                <Button icon={<SwapOutlined />} onClick={() => setManage('move')} data-testid="pool-move-selected">
                  {t('pool.manage.move')}
                </Button>
              )}
            </>
          )}
          <Button type="link" onClick={() => setSelected([])}>
            {t('pool.clearSelection')}
          </Button>
        </Flex>
      )}
      <Table<PoolRecord>
        rowKey={refKey}
        size="middle"
        data-testid="pool-table"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowSelection={
          selectable
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as string[]),
                columnWidth: 36,
                getCheckboxProps: (record) => ({ disabled: !canManage && claimBlocked(record, now) }),
              }
            : undefined
        }
        locale={{ emptyText: view === 'public' ? t('pool.emptyPublic') : t('pool.emptyPrivate') }}
        onRow={(record) => ({ 'data-testid': 'pool-row', 'data-record-id': record.id, 'data-record-type': record.type }) as HTMLAttributes<HTMLElement>}
      />
      {list.hasMore && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={list.loadMore} loading={list.loadingMore} data-testid="pool-load-more">
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
      {canManage && (
        <ManageModal
          mode={manage}
          records={selectedRecords}
          pools={pools}
          people={people}
          currentPoolId={pool.id}
          onClose={() => setManage(null)}
          onDone={(moved) => {
            void message.success(manage === 'move' ? t('pool.manage.moved', { count: moved }) : t('pool.manage.assigned', { count: moved }));
            setManage(null);
            setSelected([]);
            list.reload();
            onChanged();
          }}
        />
      )}
    </>
  );
}
