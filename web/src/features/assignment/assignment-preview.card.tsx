import { Alert, Button, Card, Descriptions, Flex, Form, Input, InputNumber, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { percent } from './assignment-fields.ts';
import type { MatchingScore, Preview, Skipped } from './assignment.types.ts';

type Values = { province?: string; industry?: string; companySize?: string; source?: string; ageBand?: string; score?: number | null };

/** Try a lead's facts against the rules: which rule takes it and whom it would go to now. Writes nothing. */
export function AssignmentPreviewCard({ names }: { names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const onError = useErrorHandler();
  const [form] = Form.useForm<Values>();
  const [result, setResult] = useState<Preview | null>(null);
  const [loading, setLoading] = useState(false);
  const name = (id: string) => names.get(id) ?? id;
  const skippedText = (s: Skipped[]) => s.map((x) => `${name(x.userId)}（${t(`assignment.why.${x.why}`)}）`).join('、') || '—';

  const run = async () => {
    const v = form.getFieldsValue();
    const facts = {
      province: v.province || null,
      industry: v.industry || null,
      companySize: v.companySize || null,
      source: v.source || 'api',
      ageBand: v.ageBand || null,
      score: v.score ?? null,
    };
    setLoading(true);
    try {
      setResult(await api<Preview>('/assignment/preview', { method: 'POST', body: { facts } }));
    } catch (error) {
      onError(error, form);
    } finally {
      setLoading(false);
    }
  };

  const decision = result?.decision;
  const matching = decision?.reason.matching;
  return (
    <Card title={t('assignment.preview.title')} data-testid="assignment-preview">
      <Form form={form} layout="inline" style={{ rowGap: 8 }}>
        <Form.Item name="province" label={t('scoring.field.province')}>
          <Input style={{ width: 120 }} placeholder="浙江省" data-testid="preview-province" />
        </Form.Item>
        <Form.Item name="industry" label={t('scoring.field.industry')}>
          <Input style={{ width: 120 }} data-testid="preview-industry" />
        </Form.Item>
        <Form.Item name="companySize" label={t('scoring.field.companySize')}>
          <Select style={{ width: 120 }} allowClear options={['1-49', '50-199', '200-999', '1000+'].map((s) => ({ value: s, label: s }))} />
        </Form.Item>
        <Form.Item name="source" label={t('scoring.field.source')}>
          <Input style={{ width: 110 }} placeholder="referral" />
        </Form.Item>
        <Form.Item name="score" label={t('scoring.field.score')}>
          <InputNumber min={0} max={100} style={{ width: 90 }} data-testid="preview-score" />
        </Form.Item>
        <Button type="primary" loading={loading} onClick={() => void run()} data-testid="preview-run">
          {t('assignment.preview.run')}
        </Button>
      </Form>
      {result && (
        <Flex vertical gap={12} style={{ marginTop: 16 }} data-testid="preview-result">
          {decision ? (
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t('assignment.preview.rule')}>{decision.ruleName}</Descriptions.Item>
              <Descriptions.Item label={t('assignment.method')}>{t(`assignment.methods.${decision.method}`)}</Descriptions.Item>
              <Descriptions.Item label={t('assignment.preview.to')}>
                <Typography.Text strong data-testid="preview-assignee">
                  {decision.userName ?? (decision.teamId ? t('assignment.preview.queue', { team: name(decision.teamId) }) : '—')}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('assignment.preview.skipped')}>{skippedText(decision.reason.skipped)}</Descriptions.Item>
            </Descriptions>
          ) : (
            <Alert type="warning" showIcon data-testid="preview-miss" message={t(`assignment.preview.${result.miss?.outcome ?? 'no_rule_matched'}`)} description={result.miss?.tried.map((x) => `${x.rule}: ${skippedText(x.skipped)}`).join('；')} />
          )}
          {matching && (
            <Table<MatchingScore>
              size="small"
              rowKey="userId"
              pagination={false}
              dataSource={[matching.chosen, ...matching.runnersUp]}
              columns={[
                { title: t('assignment.stats.seller'), dataIndex: 'userId', render: (id: string) => name(id) },
                { title: t('assignment.stats.expected'), dataIndex: 'p', render: percent },
                { title: t('assignment.stats.load'), render: (_, s) => `${s.load} / ${s.cap}` },
                { title: t('assignment.stats.loadFactor'), dataIndex: 'loadFactor', render: (x: number) => x.toFixed(2) },
                { title: t('assignment.stats.score'), dataIndex: 'score', render: (x: number) => x.toFixed(3) },
              ]}
            />
          )}
        </Flex>
      )}
    </Card>
  );
}
