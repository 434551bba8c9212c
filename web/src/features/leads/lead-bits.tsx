import { Flex, List, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { scoreBand, sortedReasons, weightText, type ScoreBand } from './lead.format.ts';
import { flagLabel, scoreReasonLabel, sourceLabel, statusLabel } from './lead.labels.ts';
import type { Lead, LeadStatus, ScoreReason } from './lead.types.ts';

const BAND_COLOR: Record<ScoreBand, string> = { hot: 'volcano', warm: 'gold', cold: 'blue', none: 'default' };
const STATUS_COLOR: Record<LeadStatus, string> = { new: 'blue', working: 'processing', qualified: 'success', disqualified: 'default' };

export function StatusTag({ status }: { status: LeadStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }} data-testid="lead-status" data-status={status}>
      {statusLabel(t, status)}
    </Tag>
  );
}

/** Each reason with its signed weight: green pulls the score up, orange pulls it down. */
export function ScoreReasonList({ reasons, testId = 'lead-score-reasons' }: { reasons: ScoreReason[]; testId?: string }) {
  const { t } = useTranslation();
  if (reasons.length === 0) return <Typography.Text type="secondary">{t('leads.score.noReasons')}</Typography.Text>;
  return (
    <List
      size="small"
      data-testid={testId}
      dataSource={sortedReasons(reasons)}
      renderItem={(reason) => (
        <List.Item data-testid="lead-score-reason" data-kind={reason.kind} style={{ paddingInline: 0 }}>
          <Flex justify="space-between" gap={8} style={{ width: '100%' }}>
            <span style={{ minWidth: 0, wordBreak: 'break-word' }}>
              <Tag style={{ fontSize: 11 }}>{reason.kind === 'rule' ? t('leads.score.rule') : t('leads.score.model')}</Tag>
              {scoreReasonLabel(t, reason)}
            </span>
            <Typography.Text strong type={reason.weight < 0 ? 'warning' : 'success'} style={{ whiteSpace: 'nowrap' }}>
              {weightText(reason)}
            </Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  );
}

/** The score as a coloured tag; hovering (or tapping) it lists why. */
export function ScoreTag({ lead }: { lead: Pick<Lead, 'score' | 'scoreReasons'> }) {
  const { t } = useTranslation();
  const band = scoreBand(lead.score);
  const tip =
    lead.scoreReasons.length > 0 ? (
      <Flex vertical gap={2} data-testid="lead-score-tip">
        {sortedReasons(lead.scoreReasons).map((reason, index) => (
          <span key={`${reason.label}-${index}`}>
            {weightText(reason)} {scoreReasonLabel(t, reason)}
          </span>
        ))}
      </Flex>
    ) : (
      t('leads.score.noReasons')
    );
  return (
    <Tooltip title={tip}>
      <Tag color={BAND_COLOR[band]} style={{ marginInlineEnd: 0, minWidth: 36, textAlign: 'center', fontWeight: 600 }} data-testid="lead-score" data-score={lead.score ?? ''}>
        {lead.score ?? '—'}
      </Tag>
    </Tooltip>
  );
}

export function SourceText({ lead }: { lead: Pick<Lead, 'source' | 'channel'> }) {
  const { t } = useTranslation();
  return (
    <span data-testid="lead-source" data-source={lead.source}>
      {sourceLabel(t, lead.source)}
      {lead.channel && <Typography.Text type="secondary"> · {lead.channel}</Typography.Text>}
    </span>
  );
}

export function LeadFlags({ flags }: { flags: string[] }) {
  const { t } = useTranslation();
  if (flags.length === 0) return null;
  return (
    <Flex wrap gap={4}>
      {flags.map((flag) => (
        <Tag key={flag} color="red" variant="outlined" style={{ marginInlineEnd: 0, fontSize: 12 }} data-testid="lead-flag">
          {flagLabel(t, flag)}
        </Tag>
      ))}
    </Flex>
  );
}
