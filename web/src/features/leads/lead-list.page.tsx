import { InboxOutlined, PlusOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { App, Button, Flex, Grid, Input, Segmented, Select, Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState, type HTMLAttributes, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../app/page-header.tsx';
import { useSession } from '../../app/session.tsx';
import { useCursorList } from '../../app/use-cursor-list.ts';
import { useTeams } from '../org/use-teams.ts';
import { LeadAssignModal } from './lead-assign.modal.tsx';
import { ScoreTag, SourceText, StatusTag } from './lead-bits.tsx';
import { LeadCreateModal } from './lead-create.modal.tsx';
import { isQueueFilter, leadFilterFromParams, leadFilterQuery, leadFilterToParams, QUEUE_FILTER } from './lead-filter.ts';
import { sourceLabel, statusLabel } from './lead.labels.ts';
import { KNOWN_SOURCES, LEAD_STATUSES, type Lead, type LeadFilter, type LeadSort, type LeadStatus } from './lead.types.ts';

type OwnerChoice = 'all' | 'me' | 'none';
type StatusChoice = 'open' | LeadStatus;

/** A text filter that applies on Enter, on leaving the box, or on clearing it. */
function ChannelInput({ value, onChange }: { value?: string; onChange(value: string | undefined): void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value ?? '');
  useEffect(() => setDraft(value ?? ''), [value]);
  const commit = (next: string) => {
    if (next.trim() !== (value ?? '')) onChange(next.trim() || undefined);
  };
  return (
    <Input
      allowClear
      value={draft}
      placeholder={t('leads.field.channel')}
      style={{ width: 120, maxWidth: '100%' }}
      data-testid="leads-channel-filter"
      onChange={(e) => {
        setDraft(e.target.value);
        if (e.type !== 'change') commit(e.target.value);
      }}
      onPressEnter={() => commit(draft)}
      onBlur={() => commit(draft)}
    />
  );
}

export function LeadListPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = leadFilterFromParams(params);
  const list = useCursorList<Lead>('/leads', leadFilterQuery(filter));
  const { teams } = useTeams();
  const teamNames = useMemo(() => new Map(teams.map((team) => [team.id, team.name])), [teams]);
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [assigning, setAssigning] = useState<string[] | null>(null);
  const narrow = Grid.useBreakpoint().sm === false;
  const canAssign = can('leads.assign');
  const queue = isQueueFilter(filter);

  const setFilter = (next: LeadFilter) => {
    setSelected([]);
    setParams(leadFilterToParams(next), { replace: true });
  };
  const update = (patch: Partial<LeadFilter>) => setFilter({ ...filter, ...patch });

  const ownerText = (lead: Lead) => {
    if (lead.ownerName) return lead.ownerName;
    if (lead.queueTeamId) return t('leads.inQueue', { team: teamNames.get(lead.queueTeamId) ?? '…' });
    return <Typography.Text type="secondary">{t('leads.unassigned')}</Typography.Text>;
  };

  const columns: TableColumnsType<Lead> = [
    { title: t('leads.field.score'), dataIndex: 'score', key: 'score', width: 64, render: (_: unknown, lead) => <ScoreTag lead={lead} /> },
    {
      title: t('leads.field.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, lead) => (
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Link to={`/leads/${lead.id}`} onClick={(e) => e.stopPropagation()} data-testid="lead-name">
            <Typography.Text strong>{name}</Typography.Text>
          </Link>
          {lead.company && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {lead.company}
            </Typography.Text>
          )}
          {narrow && (
            <Flex gap={4} wrap align="center" style={{ fontSize: 12 }}>
              <StatusTag status={lead.status} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {ownerText(lead)}
              </Typography.Text>
            </Flex>
          )}
        </Flex>
      ),
    },
    { title: t('leads.field.status'), dataIndex: 'status', key: 'status', responsive: ['sm'], render: (status: LeadStatus) => <StatusTag status={status} /> },
    { title: t('leads.field.owner'), key: 'owner', responsive: ['sm'], render: (_: unknown, lead) => <span data-testid="lead-owner">{ownerText(lead)}</span> },
    { title: t('leads.field.source'), key: 'source', responsive: ['md'], render: (_: unknown, lead) => <SourceText lead={lead} /> },
    { title: t('leads.field.mobile'), dataIndex: 'mobile', key: 'mobile', responsive: ['lg'], render: (v: string | null) => v ?? '—' },
    { title: t('leads.field.createdAt'), dataIndex: 'createdAt', key: 'createdAt', responsive: ['md'], render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
  ];

  const statusValue: StatusChoice | undefined = filter.status ?? (filter.open ? 'open' : undefined);
  const ownerValue: OwnerChoice = filter.owner ?? 'all';

  return (
    <>
      <PageHeader
        title={t('leads.title')}
        extra={
          <>
            {canAssign && (
              <Button icon={<InboxOutlined />} type={queue ? 'primary' : 'default'} ghost={queue} onClick={() => setFilter(queue ? {} : { ...QUEUE_FILTER, sort: filter.sort })} data-testid="leads-queue">
                {t('leads.queue')}
              </Button>
            )}
            {can('leads.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="leads-create">
                {t('leads.create')}
              </Button>
            )}
          </>
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 16 }} data-testid="leads-filters">
        <Input.Search
          allowClear
          defaultValue={filter.q}
          key={filter.q ?? ''}
          placeholder={t('leads.searchPlaceholder')}
          onSearch={(value) => update({ q: value.trim() || undefined })}
          style={{ width: 260, maxWidth: '100%' }}
          data-testid="leads-search"
        />
        <Segmented<OwnerChoice>
          value={ownerValue}
          onChange={(owner) => update({ owner: owner === 'all' ? undefined : owner })}
          options={[
            { value: 'all', label: t('leads.owner.all') },
            { value: 'me', label: t('leads.owner.me') },
            { value: 'none', label: t('leads.owner.none') },
          ]}
          data-testid="leads-owner-filter"
        />
        <Select<StatusChoice>
          allowClear
          placeholder={t('leads.field.status')}
          value={statusValue}
          onChange={(value) => update(value === 'open' ? { open: true, status: undefined } : { status: value, open: undefined })}
          options={[{ value: 'open' as StatusChoice, label: t('leads.statusOpen') }, ...LEAD_STATUSES.map((status) => ({ value: status, label: statusLabel(t, status) }))]}
          style={{ width: 130 }}
          popupMatchSelectWidth={false}
          data-testid="leads-status-filter"
        />
        {canAssign && teams.length > 0 && (
          <Select<string>
            allowClear
            placeholder={t('leads.teamQueue')}
            value={filter.queueTeamId}
            onChange={(queueTeamId) => update({ queueTeamId })}
            options={teams.map((team) => ({ value: team.id, label: team.name }))}
            style={{ width: 140 }}
            popupMatchSelectWidth={false}
            data-testid="leads-team-filter"
          />
        )}
        <Select<string>
          allowClear
          showSearch
          placeholder={t('leads.field.source')}
          value={filter.source}
          onChange={(source) => update({ source })}
          options={KNOWN_SOURCES.map((source) => ({ value: source, label: sourceLabel(t, source) }))}
          style={{ width: 130 }}
          popupMatchSelectWidth={false}
          data-testid="leads-source-filter"
        />
        <ChannelInput value={filter.channel} onChange={(channel) => update({ channel })} />
        <Select<number>
          allowClear
          placeholder={t('leads.minScore')}
          value={filter.minScore}
          onChange={(minScore) => update({ minScore })}
          options={[80, 60, 40, 20].map((n) => ({ value: n, label: t('leads.minScoreValue', { score: n }) }))}
          style={{ width: 120 }}
          popupMatchSelectWidth={false}
          data-testid="leads-score-filter"
        />
        <Select<LeadSort>
          value={filter.sort ?? '-createdAt'}
          onChange={(sort) => update({ sort })}
          options={[
            { value: '-createdAt', label: t('leads.sort.newest') },
            { value: '-score', label: t('leads.sort.scoreHigh') },
            { value: 'score', label: t('leads.sort.scoreLow') },
          ]}
          style={{ width: 140 }}
          popupMatchSelectWidth={false}
          data-testid="leads-sort"
        />
      </Flex>
      {canAssign && selected.length > 0 && (
        <Flex align="center" gap={8} wrap style={{ marginBottom: 12 }} data-testid="leads-bulk-bar">
          <Typography.Text>{t('leads.selected', { count: selected.length })}</Typography.Text>
          <Button type="primary" icon={<UserSwitchOutlined />} onClick={() => setAssigning(selected)} data-testid="leads-bulk-assign">
            {t('leads.assign.bulk')}
          </Button>
          <Button type="link" onClick={() => setSelected([])}>
            {t('leads.clearSelection')}
          </Button>
        </Flex>
      )}
      <Table<Lead>
        rowKey="id"
        size="middle"
        data-testid="leads-table"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowSelection={canAssign ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), columnWidth: 36 } : undefined}
        locale={{ emptyText: queue ? t('leads.queueEmpty') : t('leads.empty') }}
        onRow={(lead) =>
          ({
            'data-testid': 'lead-row',
            'data-lead-id': lead.id,
            style: { cursor: 'pointer' },
            onClick: (e: MouseEvent<HTMLElement>) => {
              // Ticking the checkbox selects the row; it does not open the lead.
              if ((e.target as HTMLElement).closest('.ant-table-selection-column')) return;
              void navigate(`/leads/${lead.id}`);
            },
          }) as HTMLAttributes<HTMLElement>
        }
      />
      {list.hasMore && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={list.loadMore} loading={list.loadingMore} data-testid="leads-load-more">
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
      <LeadCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(lead) => {
          setCreating(false);
          void message.success(t('leads.created'));
          void navigate(`/leads/${lead.id}`);
        }}
      />
      <LeadAssignModal
        leadIds={assigning}
        onClose={() => setAssigning(null)}
        onAssigned={(leads) => {
          setAssigning(null);
          setSelected([]);
          void message.success(t('leads.assign.done', { count: leads.length }));
          list.reload();
        }}
      />
    </>
  );
}
