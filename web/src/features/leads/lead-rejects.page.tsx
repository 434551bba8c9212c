import { Button, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { payloadLines } from './lead.format.ts';
import { rejectReasonLabel, sourceLabel } from './lead.labels.ts';
import type { LeadReject } from './lead.types.ts';

const PAGE = 50;

/** Intake that never became a lead (no name, no usable contact), newest first, with what was sent. */
export function LeadRejectsPage() {
  const { t } = useTranslation();
  const onError = useErrorHandler();
  const [items, setItems] = useState<LeadReject[]>([]);
  const [loading, setLoading] = useState(true);
  const [hasMore, setHasMore] = useState(false);

  const load = useCallback(
    (before?: string) => {
      setLoading(true);
      api<{ items: LeadReject[] }>('/leads/rejects', { query: { limit: PAGE, before } })
        .then((page) => {
          setItems((previous) => (before ? [...previous, ...page.items] : page.items));
          setHasMore(page.items.length === PAGE);
        })
        .catch((error: unknown) => onError(error))
        .finally(() => setLoading(false));
    },
    [onError],
  );

  useEffect(() => load(), [load]);

  const columns: TableColumnsType<LeadReject> = [
    { title: t('leads.rejects.receivedAt'), dataIndex: 'createdAt', key: 'createdAt', render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
    {
      title: t('leads.rejects.reasons'),
      dataIndex: 'reasons',
      key: 'reasons',
      render: (reasons: string[]) => (
        <Flex wrap gap={4}>
          {[...new Set(reasons)].map((reason) => (
            <Tag key={reason} color="red" style={{ marginInlineEnd: 0 }} data-testid="lead-reject-reason" data-reason={reason}>
              {rejectReasonLabel(t, reason)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t('leads.field.source'),
      key: 'source',
      render: (_: unknown, r) => (
        <span>
          {sourceLabel(t, r.source)}
          {r.channel && <Typography.Text type="secondary"> · {r.channel}</Typography.Text>}
        </span>
      ),
    },
    {
      title: t('leads.rejects.payload'),
      dataIndex: 'payload',
      key: 'payload',
      render: (payload: Record<string, unknown>) => {
        const lines = payloadLines(payload);
        return lines.length ? (
          <Typography.Text code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }} data-testid="lead-reject-payload">
            {lines.join('\n')}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('leads.rejects.emptyPayload')}</Typography.Text>
        );
      },
    },
  ];

  return (
    <>
      <PageHeader title={t('leads.rejects.title')} extra={<Button onClick={() => load()}>{t('common.refresh')}</Button>} />
      <Typography.Paragraph type="secondary">{t('leads.rejects.help')}</Typography.Paragraph>
      <Table<LeadReject>
        rowKey="id"
        size="middle"
        data-testid="lead-rejects-table"
        columns={columns}
        dataSource={items}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('leads.rejects.empty') }}
      />
      {hasMore && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={() => load(items[items.length - 1]?.createdAt)} loading={loading} data-testid="lead-rejects-load-more">
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
    </>
  );
}
