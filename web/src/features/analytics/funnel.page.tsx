import { Card, Col, DatePicker, Flex, Progress, Row, Segmented, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { formatMoney, formatRate } from '../pipeline/pipeline.format.ts';
import type { FunnelGroupBy, FunnelReport, FunnelRow } from './funnel.types.ts';

const STEPS = ['leads', 'qualified', 'opportunities', 'won'] as const;
const days = (value: number | null) => (value === null ? '—' : value);

/** The four steps as bars, each as wide as its share of the leads, with the rate from the step before. */
function FunnelBars({ row }: { row: FunnelRow }) {
  const { t } = useTranslation();
  const rateOf = (step: (typeof STEPS)[number]) => (step === 'leads' ? null : row.rates[step]);
  return (
    <Flex vertical gap={8} data-testid="funnel-bars">
      {STEPS.map((step) => (
        <Flex key={step} align="center" gap={12} data-testid={`funnel-step-${step}`}>
          <Typography.Text style={{ width: 90, flex: '0 0 90px' }}>{t(`funnel.step.${step}`)}</Typography.Text>
          <Progress percent={row.leads === 0 ? 0 : Math.round((row[step] / row.leads) * 100)} showInfo={false} style={{ flex: 1, margin: 0 }} />
          <Typography.Text strong style={{ width: 60, textAlign: 'right' }} data-testid={`funnel-count-${step}`}>
            {row[step]}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ width: 70, textAlign: 'right' }}>
            {step === 'leads' ? '' : formatRate(rateOf(step))}
          </Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}

export function FunnelPage() {
  const { t, i18n } = useTranslation();
  const onError = useErrorHandler();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(89, 'day'), dayjs()]);
  const [groupBy, setGroupBy] = useState<FunnelGroupBy>('channel');
  const [report, setReport] = useState<FunnelReport | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    api<FunnelReport>('/analytics/funnel', { query: { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD'), groupBy }, signal: controller.signal })
      .then(setReport)
      .catch(onError)
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [range, groupBy, onError]);

  const columns: TableColumnsType<FunnelRow> = [
    { title: groupBy === 'channel' ? t('funnel.channel') : t('funnel.owner'), key: 'label', fixed: 'left', render: (_: unknown, r) => r.label ?? r.key ?? t(groupBy === 'channel' ? 'funnel.noChannel' : 'funnel.noOwner') },
    { title: t('funnel.step.leads'), dataIndex: 'leads', key: 'leads', align: 'right' },
    { title: t('funnel.step.qualified'), key: 'qualified', align: 'right', render: (_: unknown, r) => `${r.qualified} (${formatRate(r.rates.qualified)})` },
    { title: t('funnel.step.opportunities'), key: 'opportunities', align: 'right', render: (_: unknown, r) => `${r.opportunities} (${formatRate(r.rates.opportunities)})` },
    { title: t('funnel.step.won'), key: 'won', align: 'right', render: (_: unknown, r) => `${r.won} (${formatRate(r.rates.won)})` },
    { title: t('funnel.overall'), key: 'overall', align: 'right', render: (_: unknown, r) => formatRate(r.rates.overall) },
    { title: t('funnel.wonAmount'), dataIndex: 'wonAmount', key: 'wonAmount', align: 'right', render: (v: string) => formatMoney(v, 'CNY', i18n.language) },
    {
      title: t('funnel.medianDays'),
      key: 'median',
      children: [
        { title: t('funnel.toQualified'), key: 'mq', align: 'right', render: (_: unknown, r) => days(r.medianDays.toQualified) },
        { title: t('funnel.toOpportunity'), key: 'mo', align: 'right', render: (_: unknown, r) => days(r.medianDays.toOpportunity) },
        { title: t('funnel.toWon'), key: 'mw', align: 'right', render: (_: unknown, r) => days(r.medianDays.toWon) },
      ],
    },
  ];

  return (
    <>
      <PageHeader
        title={t('funnel.title')}
        extra={
          <>
            <DatePicker.RangePicker
              allowClear={false}
              value={range}
              onChange={(value) => value?.[0] && value[1] && setRange([value[0], value[1]])}
              data-testid="funnel-range"
            />
            <Segmented<FunnelGroupBy>
              value={groupBy}
              onChange={setGroupBy}
              options={[
                { value: 'channel', label: t('funnel.byChannel') },
                { value: 'owner', label: t('funnel.byOwner') },
              ]}
              data-testid="funnel-group-by"
            />
          </>
        }
      />
      {report && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={24} lg={14}>
            <Card title={t('funnel.total')} size="small">
              <FunnelBars row={report.total} />
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card title={t('funnel.medianDays')} size="small">
              <Flex gap={24} wrap>
                <Statistic title={t('funnel.toQualified')} value={days(report.total.medianDays.toQualified)} suffix={report.total.medianDays.toQualified === null ? undefined : t('funnel.days')} />
                <Statistic title={t('funnel.toOpportunity')} value={days(report.total.medianDays.toOpportunity)} suffix={report.total.medianDays.toOpportunity === null ? undefined : t('funnel.days')} />
                <Statistic title={t('funnel.toWon')} value={days(report.total.medianDays.toWon)} suffix={report.total.medianDays.toWon === null ? undefined : t('funnel.days')} />
              </Flex>
              <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                {t('funnel.note')}
              </Typography.Paragraph>
            </Card>
          </Col>
        </Row>
      )}
      <Table<FunnelRow>
        rowKey={(r) => r.key ?? '(none)'}
        size="middle"
        bordered
        loading={loading}
        columns={columns}
        dataSource={report?.groups ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="funnel-table"
      />
    </>
  );
}
