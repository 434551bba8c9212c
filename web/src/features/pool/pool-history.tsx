import { Empty, Flex, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../app/api.ts';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { formatTime } from './pool-bits.tsx';
import { movementKindLabel, movementReasonText } from './pool.labels.ts';
import type { Movement, MovementKind, RecordType } from './pool.types.ts';

function kindColor(kind: MovementKind): string {
  switch (kind) {
    case 'claim':
    case 'assign':
    case 'handover':
      return 'blue';
    case 'fall':
      return 'red';
    case 'release':
      return 'orange';
    case 'enter':
    case 'move':
      return 'gray';
    case 'close':
      return 'green';
  }
}

/** "张三 → 李四" or "公海 A → 公海 B": the side that changed, with a dash for the public pool. */
function fromTo(m: Movement, publicPool: string): string | null {
  const pools = m.fromPoolId !== m.toPoolId && (m.fromPoolName || m.toPoolName) ? `${m.fromPoolName ? `${m.fromPoolName} ` : ''}→ ${m.toPoolName ?? '—'}` : null;
  const people = m.fromUserId !== m.toUserId ? `${m.fromUserName ?? publicPool} → ${m.toUserName ?? publicPool}` : null;
  return [people, pools].filter(Boolean).join(' · ') || null;
}

/** The record's moves between the public pool, people and pools (流转记录), newest first. */
export function PoolHistory({ type, id }: { type: RecordType; id: string }) {
  const { t } = useTranslation();
  const onError = useErrorHandler();
  const [movements, setMovements] = useState<Movement[] | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setMovements(null);
    api<Movement[]>(`/pool/records/${type}/${id}/history`, { signal: controller.signal })
      .then((items) => setMovements([...items].sort((a, b) => b.at.localeCompare(a.at))))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        // A record the pool has never managed has no history, which is not an error to show.
        if (!(error instanceof ApiError && error.status === 404)) onError(error);
        setMovements([]);
      });
    return () => controller.abort();
  }, [type, id, onError]);

  if (movements === null) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (movements.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pool.history.empty')} data-testid="pool-history-empty" />;

  const publicPool = t('pool.history.publicPool');
  return (
    <Timeline
      data-testid="pool-history"
      items={movements.map((m) => {
        const reason = movementReasonText(t, m.kind, m.reason);
        const note = typeof m.detail?.note === 'string' ? m.detail.note : null;
        const path = fromTo(m, publicPool);
        return {
          key: m.id,
          color: kindColor(m.kind),
          content: (
            <Flex vertical gap={2} data-testid="pool-movement" data-kind={m.kind}>
              <Flex gap={6} wrap align="center">
                <Tag color={kindColor(m.kind)} style={{ marginInlineEnd: 0 }}>
                  {movementKindLabel(t, m.kind)}
                </Tag>
                {path && <Typography.Text>{path}</Typography.Text>}
              </Flex>
              {(reason || note) && (
                <Typography.Text type="secondary">
                  {t('pool.history.why', { reason: [reason, note].filter(Boolean).join(' · ') })}
                </Typography.Text>
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatTime(m.at)}
                {m.actorName ? ` · ${t('pool.history.by', { name: m.actorName })}` : ''}
              </Typography.Text>
            </Flex>
          ),
        };
      })}
    />
  );
}
