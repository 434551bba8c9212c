import { AppstoreOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Segmented, Select, Spin, Table, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../app/api.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { useSession } from '../../app/session.tsx';
import { useCursorList } from '../../app/use-cursor-list.ts';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { LostReasonModal } from './lost-reason.modal.tsx';
import { OpportunityBoard } from './opportunity-board.tsx';
import { OpportunityCreateModal } from './opportunity-create.modal.tsx';
import { OpportunityDrawer, StatusTag } from './opportunity.drawer.tsx';
import { markWon, moveOpportunity, usePipelines } from './pipeline.api.ts';
import { formatMoney } from './pipeline.format.ts';
import type { Board, Opportunity, OpportunityStatus, Pipeline, Stage } from './pipeline.types.ts';

function OpportunityTable({ pipeline, onOpen, generation }: { pipeline: Pipeline; onOpen(o: Opportunity): void; generation: number }) {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState<string>();
  const [status, setStatus] = useState<OpportunityStatus>();
  const [stageId, setStageId] = useState<string>();
  const list = useCursorList<Opportunity>('/opportunities', { pipelineId: pipeline.id, q, status, stageId });
  const { reload } = list;
  useEffect(() => {
    if (generation > 0) reload();
  }, [generation, reload]);
  const columns: TableColumnsType<Opportunity> = [
    { title: t('pipeline.field.name'), dataIndex: 'name', key: 'name' },
    { title: t('pipeline.field.customer'), dataIndex: 'customerName', key: 'customer', responsive: ['sm'], render: (v: string | null) => v ?? '—' },
    { title: t('pipeline.field.stage'), dataIndex: 'stageName', key: 'stage' },
    { title: t('pipeline.field.status'), dataIndex: 'status', key: 'status', render: (s: OpportunityStatus) => <StatusTag status={s} /> },
    { title: t('pipeline.field.amount'), dataIndex: 'amount', key: 'amount', align: 'right', render: (v: string, o) => formatMoney(v, o.currency, i18n.language) },
    { title: t('pipeline.field.owner'), dataIndex: 'ownerName', key: 'owner', responsive: ['md'], render: (v: string | null) => v ?? '—' },
    { title: t('pipeline.field.expectedCloseDate'), dataIndex: 'expectedCloseDate', key: 'close', responsive: ['md'], render: (v: string | null) => v ?? '—' },
    { title: t('pipeline.field.createdAt'), dataIndex: 'createdAt', key: 'createdAt', responsive: ['lg'], render: (v: string) => dayjs(v).format('YYYY-MM-DD') },
  ];
  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder={t('pipeline.list.search')} onSearch={(v) => setQ(v.trim() || undefined)} style={{ width: 240 }} data-testid="opportunities-search" />
        <Select<OpportunityStatus>
          allowClear
          placeholder={t('pipeline.field.status')}
          value={status}
          onChange={setStatus}
          options={(['open', 'won', 'lost'] as const).map((s) => ({ value: s, label: t(`pipeline.status.${s}`) }))}
          style={{ width: 120 }}
          data-testid="opportunities-status-filter"
        />
        <Select<string>
          allowClear
          placeholder={t('pipeline.field.stage')}
          value={stageId}
          onChange={setStageId}
          options={pipeline.stages.map((s) => ({ value: s.id, label: s.name }))}
          style={{ width: 140 }}
          data-testid="opportunities-stage-filter"
        />
      </Flex>
      <Table<Opportunity>
        rowKey="id"
        size="middle"
        data-testid="opportunities-table"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(o) => ({ 'data-testid': 'opportunity-row', onClick: () => onOpen(o), style: { cursor: 'pointer' } }) as HTMLAttributes<HTMLElement>}
      />
      {list.hasMore && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={list.loadMore} loading={list.loadingMore}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
    </>
  );
}

export function OpportunitiesPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const onError = useErrorHandler();
  const [params, setParams] = useSearchParams();
  const { pipelines } = usePipelines();
  const view = params.get('view') === 'list' ? 'list' : 'board';
  const pipeline = pipelines.find((p) => p.id === params.get('pipeline')) ?? pipelines.find((p) => p.isDefault) ?? pipelines[0];
  const [board, setBoard] = useState<Board | null>(null);
  const [generation, setGeneration] = useState(0);
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [losing, setLosing] = useState<Opportunity | null>(null);
  const canWrite = can('pipeline.write');

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };
  const refresh = useCallback(() => setGeneration((n) => n + 1), []);

  useEffect(() => {
    if (!pipeline || view !== 'board') return;
    const controller = new AbortController();
    api<Board>(`/pipelines/${pipeline.id}/board`, { signal: controller.signal }).then(setBoard).catch(onError);
    return () => controller.abort();
  }, [pipeline, view, generation, onError]);

  const dropTo = async (o: Opportunity, stage: Stage) => {
    if (stage.kind === 'lost') return setLosing(o);
    try {
      if (stage.kind === 'won') await markWon(o);
      else await moveOpportunity(o, stage.id);
      void message.success(t('pipeline.saved'));
    } catch (error) {
      onError(error);
    }
    refresh();
  };

  return (
    <>
      <PageHeader
        title={t('pipeline.title')}
        extra={
          <>
            <Segmented
              value={view}
              onChange={(v) => setParam('view', String(v))}
              options={[
                { value: 'board', icon: <AppstoreOutlined />, label: t('pipeline.view.board') },
                { value: 'list', icon: <UnorderedListOutlined />, label: t('pipeline.view.list') },
              ]}
              data-testid="opportunities-view"
            />
            {pipelines.length > 1 && (
              <Select value={pipeline?.id} onChange={(id) => setParam('pipeline', id)} options={pipelines.map((p) => ({ value: p.id, label: p.name }))} style={{ width: 140 }} data-testid="opportunities-pipeline" />
            )}
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="opportunities-create">
                {t('pipeline.create.button')}
              </Button>
            )}
          </>
        }
      />
      {!pipeline ? (
        <Spin />
      ) : view === 'board' ? (
        board && board.pipeline.id === pipeline.id ? <OpportunityBoard board={board} canWrite={canWrite} actions={{ onDropTo: (o, s) => void dropTo(o, s), onOpen: (o) => setOpenId(o.id) }} /> : <Spin />
      ) : (
        <OpportunityTable pipeline={pipeline} onOpen={(o) => setOpenId(o.id)} generation={generation} />
      )}
      <OpportunityCreateModal
        open={creating}
        pipelines={pipelines}
        pipelineId={pipeline?.id}
        onClose={() => setCreating(false)}
        onCreated={(o) => {
          setCreating(false);
          void message.success(t('pipeline.create.done', { name: o.name }));
          refresh();
        }}
      />
      <OpportunityDrawer opportunityId={openId} reloadKey={generation} onClose={() => setOpenId(null)} onChanged={refresh} onLost={setLosing} />
      <LostReasonModal
        opportunity={losing}
        onClose={() => setLosing(null)}
        onDone={() => {
          setLosing(null);
          void message.success(t('pipeline.saved'));
          refresh();
        }}
      />
    </>
  );
}
