import { Button, Card, Col, Flex, Form, Input, InputNumber, List, Row, Select, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { FIELDS, reasonText, weightText } from './scoring-fields.ts';
import { factorWords, fieldLabel } from './scoring.labels.ts';
import type { Preview, ScoringTarget } from './scoring.types.ts';

/** Try the current rules and model on made-up facts: the score and why. */
export function PreviewCard({ target }: { target: ScoringTarget }) {
  const { t } = useTranslation();
  const onError = useErrorHandler();
  const [form] = Form.useForm<Record<string, string | number | boolean | null | undefined>>();
  const [result, setResult] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    const values = form.getFieldsValue(true) as Record<string, unknown>;
    const facts: Record<string, string | number | boolean> = {};
    for (const { field, kind } of FIELDS[target]) {
      const v = values[field];
      if (v === undefined || v === null || v === '') continue;
      facts[field] = kind === 'boolean' ? v === 'true' : (v as string | number);
    }
    setBusy(true);
    try {
      setResult(await api<Preview>('/scoring/preview', { method: 'POST', body: { target, facts } }));
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('scoring.preview.title')} data-testid="preview-card">
      <Form form={form} layout="vertical" size="small">
        <Row gutter={12}>
          {FIELDS[target].map(({ field, kind }) => (
            <Col key={field} xs={12} md={8} lg={6}>
              <Form.Item name={field} label={fieldLabel(t, field)} style={{ marginBottom: 8 }}>
                {kind === 'number' ? (
                  <InputNumber style={{ width: '100%' }} data-testid={`preview-${field}`} />
                ) : kind === 'boolean' ? (
                  <Select allowClear options={[{ value: 'true', label: t('scoring.yes') }, { value: 'false', label: t('scoring.no') }]} data-testid={`preview-${field}`} />
                ) : (
                  <Input maxLength={200} data-testid={`preview-${field}`} />
                )}
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Button type="primary" loading={busy} onClick={() => void run()} data-testid="preview-run">
          {t('scoring.preview.run')}
        </Button>
      </Form>
      {result && (
        <Flex vertical gap={8} style={{ marginTop: 16 }} data-testid="preview-result">
          <Flex gap={32} wrap>
            <Statistic title={t('scoring.preview.score')} value={result.score} data-testid="preview-score" />
            <Statistic title={t('scoring.preview.ruleScore')} value={result.ruleScore} />
            {result.probability !== null && <Statistic title={t('scoring.preview.probability')} value={(result.probability * 100).toFixed(1)} suffix="%" />}
          </Flex>
          {!result.modelActive && <Typography.Text type="secondary">{t('scoring.preview.rulesOnly')}</Typography.Text>}
          <List
            size="small"
            header={<Typography.Text strong>{t('scoring.preview.reasons')}</Typography.Text>}
            dataSource={result.reasons}
            locale={{ emptyText: t('scoring.preview.noReasons') }}
            renderItem={(reason) => (
              <List.Item data-testid="preview-reason">
                <Typography.Text>
                  <Tag>{reason.kind === 'rule' ? t('scoring.reasonRule') : t('scoring.reasonModel')}</Tag>
                  {reasonText(reason, factorWords(t))}
                </Typography.Text>
                <Tag color={reason.weight > 0 ? 'green' : 'red'}>{weightText(reason)}</Tag>
              </List.Item>
            )}
          />
        </Flex>
      )}
    </Card>
  );
}
