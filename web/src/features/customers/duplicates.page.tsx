import { CheckOutlined, CloseOutlined, ReloadOutlined, ScanOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Radio, Spin, Tag, Tooltip, Typography, theme } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { useCursorList } from '../../app/use-cursor-list.ts';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { CompletenessBar, FlagTags } from './customer-bits.tsx';
import { COMPARED_FIELDS, differingFields, fieldText, reasonsOf, scorePercent } from './customer.format.ts';
import { customerFieldLabel, kindLabel, reasonLabel } from './customer.labels.ts';
import type { Customer, MatchReason } from './customer.types.ts';

export type MatchReview = {
  aId: string;
  bId: string;
  a: Customer;
  b: Customer;
  score: number;
  reasons: MatchReason[];
  status: string;
  createdAt: string;
};

type Survivor = 'auto' | 'a' | 'b';
const pairKey = (pair: Pick<MatchReview, 'aId' | 'bId'>) => `${pair.aId}:${pair.bId}`;

function PairCard({ pair, onDone }: { pair: MatchReview; onDone(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useErrorHandler();
  const { token } = theme.useToken();
  const [survivor, setSurvivor] = useState<Survivor>('auto');
  const [busy, setBusy] = useState<'merge' | 'reject' | null>(null);
  const differs = differingFields(pair.a, pair.b);
  const fields = COMPARED_FIELDS.filter((field) => fieldText(pair.a, field) || fieldText(pair.b, field));

  const merge = async () => {
    setBusy('merge');
    try {
      const body: { aId: string; bId: string; survivorId?: string } = { aId: pair.aId, bId: pair.bId };
      if (survivor !== 'auto') body.survivorId = survivor === 'a' ? pair.aId : pair.bId;
      const result = await api<{ mergeId: string; survivorId: string; mergedId: string }>('/match-reviews/merge', { method: 'POST', body });
      void message.success({
        // Long enough to follow the link.
        duration: 8,
        content: (
          <span>
            {t('dedupe.merged')} <Link to={`/customers/${result.survivorId}`}>{t('dedupe.openSurvivor')}</Link>
          </span>
        ),
      });
      onDone();
    } catch (error) {
      onError(error);
    } finally {
      setBusy(null);
    }
  };

  const reject = async () => {
    setBusy('reject');
    try {
      await api<void>('/match-reviews/reject', { method: 'POST', body: { aId: pair.aId, bId: pair.bId } });
      void message.success(t('dedupe.rejected'));
      onDone();
    } catch (error) {
      onError(error);
    } finally {
      setBusy(null);
    }
  };

  const cell = (customer: Customer, field: (typeof COMPARED_FIELDS)[number]) => {
    if (field === 'kind') return kindLabel(t, customer.kind);
    return fieldText(customer, field) || <Typography.Text type="secondary">—</Typography.Text>;
  };
  const highlight = { background: token.colorWarningBg };

  return (
    <Card
      size="small"
      data-testid="dedupe-pair"
      data-pair={pairKey(pair)}
      title={
        <Flex align="center" gap={8} wrap style={{ paddingBlock: 4 }}>
          <Tag color={pair.score >= 0.85 ? 'red' : 'orange'} style={{ fontSize: 14 }} data-testid="dedupe-score">
            {t('dedupe.score', { score: scorePercent(pair.score) })}
          </Tag>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>
            {dayjs(pair.createdAt).format('YYYY-MM-DD HH:mm')}
          </Typography.Text>
        </Flex>
      }
    >
      <Flex wrap gap={4} style={{ marginBottom: 12 }} data-testid="dedupe-reasons">
        {reasonsOf(pair.reasons).map((reason, index) => (
          <Tooltip key={`${reason.code}-${index}`} title={reason.code}>
            <Tag color={reason.weight < 0 ? 'orange' : 'green'} style={{ marginInlineEnd: 0 }} data-testid="dedupe-reason" data-code={reason.code}>
              {reasonLabel(t, reason)}
            </Tag>
          </Tooltip>
        ))}
      </Flex>
      <div style={{ overflowX: 'auto' }}>
        <table className="compare-table" data-testid="dedupe-compare">
          <colgroup>
            <col style={{ width: '22%' }} />
            <col style={{ width: '39%' }} />
            <col style={{ width: '39%' }} />
          </colgroup>
          <thead>
            <tr>
              <th />
              <th>
                <Link to={`/customers/${pair.aId}`} data-testid="dedupe-a">
                  A · {pair.a.name}
                </Link>
              </th>
              <th>
                <Link to={`/customers/${pair.bId}`} data-testid="dedupe-b">
                  B · {pair.b.name}
                </Link>
              </th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => {
              const style = differs.has(field) ? highlight : undefined;
              return (
                <tr key={field} data-testid="dedupe-row" data-field={field} data-differs={differs.has(field) ? 'yes' : 'no'}>
                  <th scope="row">{customerFieldLabel(t, field)}</th>
                  <td style={style}>{cell(pair.a, field)}</td>
                  <td style={style}>{cell(pair.b, field)}</td>
                </tr>
              );
            })}
            <tr>
              <th scope="row">{t('customers.field.completeness')}</th>
              <td>
                <CompletenessBar value={pair.a.completeness} />
              </td>
              <td>
                <CompletenessBar value={pair.b.completeness} />
              </td>
            </tr>
            {(pair.a.flags.length > 0 || pair.b.flags.length > 0) && (
              <tr>
                <th scope="row">{t('customers.field.flags')}</th>
                <td>
                  <FlagTags flags={pair.a.flags} />
                </td>
                <td>
                  <FlagTags flags={pair.b.flags} />
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 12 }}>
        <Flex align="center" gap={8} wrap>
          <Typography.Text type="secondary">{t('dedupe.keep')}</Typography.Text>
          <Radio.Group
            size="small"
            optionType="button"
            value={survivor}
            onChange={(e) => setSurvivor(e.target.value as Survivor)}
            data-testid="dedupe-survivor"
            options={[
              { value: 'auto', label: t('dedupe.keepAuto') },
              { value: 'a', label: 'A' },
              { value: 'b', label: 'B' },
            ]}
          />
        </Flex>
        <Flex gap={8}>
          <Button icon={<CloseOutlined />} loading={busy === 'reject'} disabled={busy !== null} onClick={() => void reject()} data-testid="dedupe-reject">
            {t('dedupe.notSame')}
          </Button>
          <Button type="primary" icon={<CheckOutlined />} loading={busy === 'merge'} disabled={busy !== null} onClick={() => void merge()} data-testid="dedupe-merge">
            {t('dedupe.merge')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}

/** Pairs that scored between the review and auto-merge thresholds: a person decides, one click each. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useErrorHandler();
  const list = useCursorList<MatchReview>('/match-reviews', { status: 'pending' }, 20);
  const [decided, setDecided] = useState<Set<string>>(new Set());
  const [scanning, setScanning] = useState(false);
  const pending = list.items.filter((pair) => !decided.has(pairKey(pair)));

  const scan = async () => {
    setScanning(true);
    try {
      const result = await api<{ queued: boolean } | undefined>('/dedupe/scan', { method: 'POST' });
      // `queued: false`: this server runs no background worker, so no scan will happen.
      if (result?.queued === false) void message.warning(t('dedupe.scanNotQueued'));
      else void message.info(t('dedupe.scanQueued'));
    } catch (error) {
      onError(error);
    } finally {
      setScanning(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('dedupe.title')}
        extra={
          <>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                setDecided(new Set());
                list.reload();
              }}
              data-testid="dedupe-reload"
            >
              {t('common.refresh')}
            </Button>
            <Button icon={<ScanOutlined />} loading={scanning} onClick={() => void scan()} data-testid="dedupe-scan">
              {t('dedupe.scan')}
            </Button>
          </>
        }
      />
      <Typography.Paragraph type="secondary">{t('dedupe.help')}</Typography.Paragraph>
      <Spin spinning={list.loading}>
        <Flex vertical gap={16} data-testid="dedupe-list" style={{ minHeight: 120 }}>
          {pending.map((pair) => (
            <PairCard key={pairKey(pair)} pair={pair} onDone={() => setDecided((previous) => new Set(previous).add(pairKey(pair)))} />
          ))}
          {!list.loading && pending.length === 0 && <Empty description={t('dedupe.empty')} data-testid="dedupe-empty" />}
        </Flex>
      </Spin>
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
