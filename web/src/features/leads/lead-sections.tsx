import { Button, Descriptions, Empty, Flex, Form, Input, Segmented, Tag, Timeline, Typography, type DescriptionsProps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { LeadFlags, SourceText } from './lead-bits.tsx';
import { assignmentWhy } from './lead.format.ts';
import { activityLabel, companySizeLabel, disqualifyReasonLabel, methodLabel, outcomeLabel, skipLabel } from './lead.labels.ts';
import { ACTIVITY_KINDS, type ActivityKind, type AssignmentEntry, type Lead, type LeadActivity } from './lead.types.ts';

const formatTime = (value: string | null) => (value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '—');
const orDash = (value: string | number | null | undefined) => (value === null || value === undefined || value === '' ? '—' : value);

export function LeadProfile({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const region = [lead.province, lead.city, lead.district].filter(Boolean).join(' ');
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: t('leads.field.name'), children: lead.name },
    { key: 'mobile', label: t('leads.field.mobile'), children: <span data-testid="lead-mobile">{orDash(lead.mobile)}</span> },
    { key: 'company', label: t('leads.field.company'), children: orDash(lead.company) },
    { key: 'title', label: t('leads.field.title'), children: orDash(lead.title) },
    { key: 'email', label: t('leads.field.email'), children: orDash(lead.email) },
    { key: 'region', label: t('leads.field.region'), children: orDash(region) },
    { key: 'industry', label: t('leads.field.industry'), children: orDash(lead.industry) },
    { key: 'companySize', label: t('leads.field.companySize'), children: lead.companySize ? companySizeLabel(t, lead.companySize) : '—' },
    { key: 'creditCode', label: t('leads.field.creditCode'), children: orDash(lead.creditCode) },
    { key: 'source', label: t('leads.field.source'), children: <SourceText lead={lead} /> },
    { key: 'completeness', label: t('leads.field.completeness'), children: `${lead.completeness}%` },
    { key: 'createdAt', label: t('leads.field.createdAt'), children: formatTime(lead.createdAt) },
    ...(lead.address ? [{ key: 'address', label: t('leads.field.address'), children: lead.address }] : []),
    ...(lead.disqualifyReason ? [{ key: 'disqualifyReason', label: t('leads.disqualify.reason'), children: disqualifyReasonLabel(t, lead.disqualifyReason) }] : []),
    ...(lead.notes ? [{ key: 'notes', label: t('leads.field.notes'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{lead.notes}</span> }] : []),
  ];
  return (
    <Flex vertical gap={8}>
      <LeadFlags flags={lead.flags} />
      <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2 }} items={items} data-testid="lead-profile" />
    </Flex>
  );
}

/** "Log a call / visit / WeChat / note", then the timeline, newest first. */
export function ActivitySection({ leadId, activities, canWrite, onLogged }: { leadId: string; activities: LeadActivity[]; canWrite: boolean; onLogged(activity: LeadActivity): void }) {
  const { t } = useTranslation();
  const onError = useErrorHandler();
  const [form] = Form.useForm<{ note?: string }>();
  const [kind, setKind] = useState<ActivityKind>('call');
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const note = (form.getFieldValue('note') as string | undefined)?.trim();
    setSaving(true);
    try {
      onLogged(await api<LeadActivity>(`/leads/${leadId}/activities`, { method: 'POST', body: { kind, ...(note ? { note } : {}) } }));
      form.resetFields();
    } catch (error) {
      onError(error, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Flex vertical gap={16}>
      {canWrite && (
        <Form form={form} layout="vertical" data-testid="lead-activity-form" onFinish={() => void submit()}>
          <Flex vertical gap={8}>
            <Segmented<ActivityKind>
              value={kind}
              onChange={setKind}
              options={ACTIVITY_KINDS.map((value) => ({ value, label: <span data-testid={`lead-activity-kind-${value}`}>{activityLabel(t, value)}</span> }))}
              style={{ alignSelf: 'flex-start', maxWidth: '100%', overflowX: 'auto' }}
            />
            <Form.Item name="note" style={{ marginBottom: 0 }}>
              <Input.TextArea rows={2} maxLength={2000} placeholder={t('leads.activity.notePlaceholder')} data-testid="lead-activity-note" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={saving} style={{ alignSelf: 'flex-end' }} data-testid="lead-activity-submit">
              {t('leads.activity.log', { kind: activityLabel(t, kind) })}
            </Button>
          </Flex>
        </Form>
      )}
      {activities.length === 0 ? (
        <Empty description={t('leads.activity.empty')} data-testid="lead-activities" />
      ) : (
        <Timeline
          data-testid="lead-activities"
          items={activities.map((a) => ({
            key: a.id,
            content: (
              <Flex vertical gap={2} data-testid="lead-activity" data-kind={a.kind}>
                <Typography.Text>
                  <Tag style={{ marginInlineEnd: 6 }}>{activityLabel(t, a.kind)}</Tag>
                  <Typography.Text type="secondary">
                    {formatTime(a.at)}
                    {a.userName ? ` · ${a.userName}` : ''}
                  </Typography.Text>
                </Typography.Text>
                {a.note && <Typography.Text style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{a.note}</Typography.Text>}
              </Flex>
            ),
          }))}
        />
      )}
    </Flex>
  );
}

function AssignmentLine({ entry, teamName }: { entry: AssignmentEntry; teamName(id: string): string | undefined }) {
  const { t } = useTranslation();
  const why = assignmentWhy(entry);
  const to = entry.userName ?? (entry.teamId ? t('leads.inQueue', { team: teamName(entry.teamId) ?? '…' }) : why.outcome ? outcomeLabel(t, why.outcome) : t('leads.unassigned'));
  const details: string[] = [];
  if (entry.method === 'manual') details.push(t('leads.history.byPerson', { name: entry.byUserName ?? '—' }));
  if (why.rule) details.push(t('leads.history.rule', { rule: why.rule }));
  if (why.matching) details.push(t('leads.history.matching', { p: Math.round(why.matching.p * 100), factor: why.matching.loadFactor.toFixed(2), compared: why.matching.compared }));
  if (why.load !== null) details.push(why.cap !== null ? t('leads.history.loadCap', { load: why.load, cap: why.cap }) : t('leads.history.load', { load: why.load }));
  if (why.tied !== null && why.tied > 1) details.push(t('leads.history.tied', { count: why.tied }));
  if (why.skipped.length > 0) details.push(t('leads.history.skipped', { list: why.skipped.map((s) => skipLabel(t, s.why)).join('、'), count: why.skipped.length }));
  if (why.fellThrough.length > 0) details.push(t('leads.history.fellThrough', { rules: why.fellThrough.join('、') }));
  if (why.bulk !== null) details.push(t('leads.history.bulk', { count: why.bulk }));
  return (
    <Flex vertical gap={2} data-testid="lead-assignment" data-method={entry.method}>
      <Typography.Text>
        <Tag color={entry.method === 'manual' ? 'purple' : entry.method === 'unassigned' ? 'default' : 'blue'} style={{ marginInlineEnd: 6 }}>
          {methodLabel(t, entry.method)}
        </Tag>
        <Typography.Text strong>{to}</Typography.Text>
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatTime(entry.at)}
      </Typography.Text>
      {details.map((line) => (
        <Typography.Text key={line} style={{ fontSize: 13 }}>
          {line}
        </Typography.Text>
      ))}
      {why.note && <Typography.Text italic>“{why.note}”</Typography.Text>}
    </Flex>
  );
}

/** Who the lead went to, by which rule or person, and why; newest first. */
export function AssignmentHistory({ entries, teamName }: { entries: AssignmentEntry[]; teamName(id: string): string | undefined }) {
  const { t } = useTranslation();
  if (entries.length === 0) return <Empty description={t('leads.history.empty')} data-testid="lead-assignments" />;
  return <Timeline data-testid="lead-assignments" items={entries.map((entry) => ({ key: entry.id, content: <AssignmentLine entry={entry} teamName={teamName} /> }))} />;
}
