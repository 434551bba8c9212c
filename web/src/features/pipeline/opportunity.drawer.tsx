import { App, Button, Descriptions, Drawer, Empty, Flex, Progress, Table, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api.ts';
import { useSession } from '../../app/session.tsx';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { markWon, reopen } from './pipeline.api.ts';
import { formatDuration, formatMoney } from './pipeline.format.ts';
import type { HistoryEntry, Opportunity, ProductItem } from './pipeline.types.ts';

export function StatusTag({ status }: { status: Opportunity['status'] }) {
  const { t } = useTranslation();
  switch (status) {
    case 'open':
      return <Tag color="blue">{t('pipeline.status.open')}</Tag>;
    case 'won':
      return <Tag color="green">{t('pipeline.status.won')}</Tag>;
    case 'lost':
      return <Tag color="red">{t('pipeline.status.lost')}</Tag>;
  }
}

/** Details, products, win probability with its reasons, and the stage history with durations. */
export function OpportunityDrawer({
  opportunityId,
  reloadKey = 0,
  onClose,
  onChanged,
  onLost,
}: {
  opportunityId: string | null;
  /** Changes when the opportunity may have changed elsewhere (e.g. the lost-reason modal): reload. */
  reloadKey?: number;
  onClose(): void;
  onChanged(o: Opportunity): void;
  onLost(o: Opportunity): void;
}) {
  const { t, i18n } = useTranslation();
  const { can, me } = useSession();
  const { message } = App.useApp();
  const onError = useErrorHandler();
  const [opportunity, setOpportunity] = useState<Opportunity | null>(null);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!opportunityId) return;
    const controller = new AbortController();
    Promise.all([
      api<Opportunity>(`/opportunities/${opportunityId}`, { signal: controller.signal }),
      api<HistoryEntry[]>(`/opportunities/${opportunityId}/history`, { signal: controller.signal }),
    ])
      .then(([o, h]) => {
        setOpportunity(o);
        setHistory(h);
      })
      .catch(onError);
    return () => controller.abort();
  }, [opportunityId, generation, reloadKey, onError]);

  const act = async (request: Promise<Opportunity>) => {
    try {
      const next = await request;
      setOpportunity(next);
      onChanged(next);
      setGeneration((n) => n + 1);
      void message.success(t('pipeline.saved'));
    } catch (error) {
      onError(error);
    }
  };

  const o = opportunity?.id === opportunityId ? opportunity : null;
  const canWrite = can('pipeline.write');
  const canReopen = canWrite && (me?.user.roleKey === 'admin' || me?.user.roleKey === 'manager');
  const probability = o ? (o.winProbability ?? o.stageProbability) : null;

  return (
    <Drawer open={opportunityId !== null} onClose={onClose} title={o?.name ?? t('pipeline.detail.title')} size="large" destroyOnHidden data-testid="opportunity-drawer">
      {o && (
        <Flex vertical gap={20}>
          <Flex gap={8} wrap align="center">
            <StatusTag status={o.status} />
            <Typography.Text strong data-testid="opportunity-stage">{o.stageName}</Typography.Text>
            <Typography.Text type="secondary">{formatMoney(o.amount, o.currency, i18n.language)}</Typography.Text>
          </Flex>
          {canWrite && (
            <Flex gap={8} wrap>
              {o.status === 'open' && (
                <>
                  <Button type="primary" onClick={() => void act(markWon(o))} data-testid="opportunity-won">
                    {t('pipeline.action.won')}
                  </Button>
                  <Button danger onClick={() => onLost(o)} data-testid="opportunity-lost">
                    {t('pipeline.action.lost')}
                  </Button>
                </>
              )}
              {o.status !== 'open' && canReopen && (
                <Button onClick={() => void act(reopen(o))} data-testid="opportunity-reopen">
                  {t('pipeline.action.reopen')}
                </Button>
              )}
            </Flex>
          )}
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('pipeline.field.customer')}>
              <Link to={`/customers/${o.customerId}`}>{o.customerName ?? '—'}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('pipeline.field.owner')}>{o.ownerName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('pipeline.field.expectedCloseDate')}>{o.expectedCloseDate ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('pipeline.field.createdAt')}>{dayjs(o.createdAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
            {o.closedAt && <Descriptions.Item label={t('pipeline.field.closedAt')}>{dayjs(o.closedAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>}
            {o.lostReason && (
              <Descriptions.Item label={t('pipeline.field.lostReason')}>
                <span data-testid="opportunity-lost-reason">{o.lostReason}</span>
              </Descriptions.Item>
            )}
          </Descriptions>
          {o.status === 'open' && (
          <div>
            <Typography.Title level={5}>{t('pipeline.detail.winProbability')}</Typography.Title>
            {probability !== null && <Progress percent={probability} size="small" />}
            <Typography.Text type="secondary">
              {o.winProbability === null
                ? t('pipeline.detail.stageProbabilityOnly')
                : o.scoreReasons.some((r) => r.kind === 'model')
                  ? t('pipeline.detail.scored')
                  : t('pipeline.detail.stagePlusRules')}
            </Typography.Text>
            {o.scoreReasons.length > 0 && (
              <ul data-testid="opportunity-score-reasons">
                {o.scoreReasons.map((r, i) => (
                  <li key={i}>
                    {r.field === 'stageProbability'
                      ? t('pipeline.detail.stageReason', { probability: r.weight })
                      : `${String(r.label ?? r.factor ?? '')} ${typeof r.weight === 'number' ? `(${r.weight > 0 ? '+' : ''}${r.weight})` : ''}`}
                  </li>
                ))}
              </ul>
            )}
          </div>
          )}
          <div>
            <Typography.Title level={5}>{t('pipeline.field.products')}</Typography.Title>
            <Table<ProductItem>
              size="small"
              rowKey={(_, i) => String(i)}
              pagination={false}
              dataSource={o.products}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pipeline.detail.noProducts')} /> }}
              columns={[
                { title: t('pipeline.product.name'), dataIndex: 'name' },
                { title: t('pipeline.product.quantity'), dataIndex: 'quantity' },
                { title: t('pipeline.product.unitPrice'), dataIndex: 'unitPrice', render: (v: number) => formatMoney(v, o.currency, i18n.language) },
              ]}
            />
          </div>
          <div data-testid="opportunity-history">
            <Typography.Title level={5}>{t('pipeline.detail.history')}</Typography.Title>
            <Timeline
              items={history.map((h) => ({
                key: h.id,
                content: (
                  <Flex vertical data-testid="history-entry">
                    <Typography.Text strong>{h.stageName ?? '—'}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {dayjs(h.enteredAt).format('YYYY-MM-DD HH:mm')}
                      {h.leftAt ? ` → ${dayjs(h.leftAt).format('YYYY-MM-DD HH:mm')}` : ''} · {t('pipeline.detail.stayed', { duration: formatDuration(t, h.durationSeconds) })}
                      {h.userName ? ` · ${h.userName}` : ''}
                    </Typography.Text>
                  </Flex>
                ),
              }))}
            />
          </div>
        </Flex>
      )}
    </Drawer>
  );
}
