import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Table, Tag, Timeline, Typography, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { useSession } from '../../app/session.tsx';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { formatTime, RecordTitle, TypeTag } from './pool-bits.tsx';
import { movementKindLabel } from './pool.labels.ts';
import type { CirculatingRecord, CollusionEvidence, CollusionPair, CollusionReport, PoolSettings } from './pool.types.ts';

const hours = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));
const pairKey = (pair: CollusionPair) => `${pair.fromUserId}>${pair.toUserId}`;

function EvidenceTable({ evidence }: { evidence: CollusionEvidence[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<CollusionEvidence> = [
    {
      title: t('pool.field.title'),
      key: 'title',
      render: (_: unknown, e) => (
        <Flex gap={6} align="center" wrap>
          <TypeTag type={e.type} />
          <RecordTitle record={{ ...e, title: e.title ?? '…' }} link />
        </Flex>
      ),
    },
    { title: t('pool.collusion.left'), key: 'left', render: (_: unknown, e) => `${e.leftKind === 'fall' ? t('pool.movement.fall') : t('pool.movement.release')} · ${formatTime(e.leftAt)}` },
    { title: t('pool.collusion.claimedAt'), dataIndex: 'claimedAt', render: (v: string) => formatTime(v) },
    { title: t('pool.collusion.gap'), dataIndex: 'gapHours', align: 'right', render: (v: number) => t('pool.collusion.hours', { hours: hours(v) }) },
  ];
  return <Table<CollusionEvidence> rowKey={(e) => `${e.type}:${e.id}:${e.claimedAt}`} size="small" columns={columns} dataSource={evidence} pagination={false} scroll={{ x: 'max-content' }} data-testid="pool-collusion-evidence" />;
}

function CirculationHistory({ record }: { record: CirculatingRecord }) {
  const { t } = useTranslation();
  const names = new Map(record.users.map((u) => [u.userId, u.name]));
  const who = (id: string | null) => (id ? (names.get(id) ?? '…') : t('pool.history.publicPool'));
  return (
    <Timeline
      style={{ marginTop: 8 }}
      items={record.history.map((h, index) => ({
        key: index,
        content: (
          <Typography.Text>
            {formatTime(h.at)} · {movementKindLabel(t, h.kind)} · {who(h.fromUserId)} → {who(h.toUserId)}
          </Typography.Text>
        ),
      }))}
    />
  );
}

/** 防串通: pairs of people where one lets records go and the other soon claims them, and records that keep changing hands. */
export function CollusionPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const onError = useErrorHandler();
  const [report, setReport] = useState<CollusionReport | null>(null);
  const [settings, setSettings] = useState<PoolSettings | null>(null);
  const [loading, setLoading] = useState(true);

  const load = useCallback(() => {
    setLoading(true);
    Promise.all([api<CollusionReport>('/pool/collusion'), api<PoolSettings>('/pool/settings').catch(() => null)])
      .then(([r, s]) => {
        setReport(r);
        setSettings(s);
      })
      .catch(onError)
      .finally(() => setLoading(false));
  }, [onError]);
  useEffect(load, [load]);

  const pairColumns: TableColumnsType<CollusionPair> = useMemo(
    () => [
      {
        title: t('pool.collusion.pair'),
        key: 'pair',
        render: (_: unknown, p) => (
          <Typography.Text strong data-testid="pool-collusion-pair-names">
            {p.fromName ?? '…'} → {p.toName ?? '…'}
          </Typography.Text>
        ),
      },
      { title: t('pool.collusion.records'), dataIndex: 'records', align: 'right' },
      { title: t('pool.collusion.medianGap'), dataIndex: 'medianGapHours', align: 'right', render: (v: number) => t('pool.collusion.hours', { hours: hours(v) }) },
    ],
    [t],
  );

  const circulatingColumns: TableColumnsType<CirculatingRecord> = useMemo(
    () => [
      {
        title: t('pool.field.title'),
        key: 'title',
        render: (_: unknown, r) => (
          <Flex gap={6} align="center" wrap>
            <TypeTag type={r.type} />
            <RecordTitle record={{ ...r, title: r.title ?? '…' }} link />
          </Flex>
        ),
      },
      { title: t('pool.collusion.moves'), dataIndex: 'moves', align: 'right' },
      {
        title: t('pool.collusion.people'),
        key: 'users',
        render: (_: unknown, r) => (
          <Flex gap={4} wrap>
            {r.users.map((u) => (
              <Tag key={u.userId}>{u.name ?? '…'}</Tag>
            ))}
          </Flex>
        ),
      },
    ],
    [t],
  );

  return (
    <>
      <PageHeader
        title={t('pool.collusion.title')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={load} loading={loading} data-testid="pool-collusion-reload">
            {t('common.refresh')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary" data-testid="pool-collusion-help">
        {settings
          ? t('pool.collusion.helpWith', { gap: settings.collusionGapHours, min: settings.collusionMinRecords, days: settings.collusionLookbackDays, moves: settings.circulationMinMoves })
          : t('pool.collusion.help')}{' '}
        {can('sales.configure') && <Link to="/settings/pools">{t('pool.collusion.thresholds')}</Link>}
      </Typography.Paragraph>
      <Flex vertical gap={16}>
        <Card title={t('pool.collusion.pairs')} size="small">
          <Table<CollusionPair>
            rowKey={pairKey}
            size="middle"
            loading={loading}
            columns={pairColumns}
            dataSource={report?.pairs ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            expandable={{ expandedRowRender: (p) => <EvidenceTable evidence={p.evidence} />, rowExpandable: (p) => p.evidence.length > 0 }}
            locale={{ emptyText: t('pool.collusion.noPairs') }}
            data-testid="pool-collusion-pairs"
            onRow={(p) => ({ 'data-testid': 'pool-collusion-pair', 'data-from': p.fromUserId, 'data-to': p.toUserId }) as HTMLAttributes<HTMLElement>}
          />
        </Card>
        <Card title={t('pool.collusion.circulating')} size="small">
          <Table<CirculatingRecord>
            rowKey={(r) => `${r.type}:${r.id}`}
            size="middle"
            loading={loading}
            columns={circulatingColumns}
            dataSource={report?.circulating ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            expandable={{ expandedRowRender: (r) => <CirculationHistory record={r} />, rowExpandable: (r) => r.history.length > 0 }}
            locale={{ emptyText: t('pool.collusion.noCirculating') }}
            data-testid="pool-collusion-circulating"
            onRow={() => ({ 'data-testid': 'pool-collusion-record' }) as HTMLAttributes<HTMLElement>}
          />
        </Card>
      </Flex>
    </>
  );
}
