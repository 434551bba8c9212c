import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, List, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { reasonText, weightText } from './scoring-fields.ts';
import { factorWords } from './scoring.labels.ts';
import type { ModelStatus, ModelSummary, ScoringTarget } from './scoring.types.ts';

const auc = (x: number | null) => (x === null ? '—' : x.toFixed(3));

function statusTag(t: ReturnType<typeof useTranslation>['t'], model: ModelSummary | null) {
  if (!model) return <Tag data-testid="model-status" data-status="none">{t('scoring.model.none')}</Tag>;
  switch (model.status) {
    case 'active':
      return <Tag color="green" data-testid="model-status" data-status="active">{t('scoring.model.active')}</Tag>;
    case 'insufficient':
      return <Tag color="orange" data-testid="model-status" data-status="insufficient">{t('scoring.model.insufficient')}</Tag>;
    case 'retired':
      return <Tag data-testid="model-status" data-status="retired">{t('scoring.model.retired')}</Tag>;
  }
}

/** The learned model of a target: its state, its held-out quality against the rules, its weights, retrain. */
export function ModelCard({ target, status, onRetrained }: { target: ScoringTarget; status: ModelStatus | undefined; onRetrained(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useErrorHandler();
  const [busy, setBusy] = useState(false);
  const model = status?.latest ?? null;
  const words = factorWords(t);

  const retrain = async () => {
    setBusy(true);
    try {
      const { results } = await api<{ results: unknown[] }>('/scoring/retrain', { method: 'POST', body: { target } });
      void message[results.length ? 'success' : 'warning'](results.length ? t('scoring.model.retrained') : t('scoring.model.noSource'));
      onRetrained();
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          {t('scoring.model.title')} {statusTag(t, model)}
        </Flex>
      }
      extra={
        <Button size="small" icon={<ReloadOutlined />} loading={busy} onClick={() => void retrain()} data-testid="model-retrain">
          {t('scoring.model.retrain')}
        </Button>
      }
      data-testid="model-card"
    >
      {!model && <Typography.Text type="secondary">{t('scoring.model.neverTrained')}</Typography.Text>}
      {model?.status === 'insufficient' && (
        <Alert
          type="info"
          showIcon
          data-testid="model-insufficient"
          message={t('scoring.model.tooSmall', { samples: model.samples, positives: model.positives, negatives: model.negatives, minHistory: model.minHistory, minPerClass: model.minPerClass })}
        />
      )}
      {model?.status === 'active' && (
        <Flex vertical gap={12}>
          <Flex gap={32} wrap>
            <Statistic title={t('scoring.model.auc')} value={auc(model.auc)} valueStyle={{ color: '#1677ff' }} data-testid="model-auc" />
            <Statistic title={t('scoring.model.ruleAuc')} value={auc(model.ruleAuc)} data-testid="model-rule-auc" />
            <Statistic title={t('scoring.model.blendAuc')} value={auc(model.blendAuc)} />
          </Flex>
          <Typography.Text type="secondary">{t('scoring.model.aucHelp', { heldOut: model.heldOutRows, train: model.trainRows })}</Typography.Text>
          <List
            size="small"
            header={<Typography.Text strong>{t('scoring.model.topWeights')}</Typography.Text>}
            dataSource={model.topWeights}
            data-testid="model-weights"
            renderItem={(reason) => (
              <List.Item>
                <Typography.Text>{reasonText(reason, words)}</Typography.Text>
                <Tag color={reason.weight > 0 ? 'green' : 'red'}>{weightText(reason)}</Tag>
              </List.Item>
            )}
          />
        </Flex>
      )}
      {model && (
        <Descriptions size="small" column={{ xs: 1, sm: 3 }} style={{ marginTop: 12 }}>
          <Descriptions.Item label={t('scoring.model.samples')}>
            <span data-testid="model-samples">{model.samples}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('scoring.model.wonLost')}>
            {model.positives} / {model.negatives}
          </Descriptions.Item>
          <Descriptions.Item label={t('scoring.model.trainedAt')}>{dayjs(model.trainedAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}
