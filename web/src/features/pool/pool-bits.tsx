import { ClockCircleOutlined, EnvironmentOutlined, LockOutlined, SafetyOutlined } from '@ant-design/icons';
import { Input, Select, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { countdown, formatDistance, isDueSoon, isFuture } from './pool.format.ts';
import { deadlineText, exemptionLabel, recordTypeLabel } from './pool.labels.ts';
import { RECORD_TYPES, type ClaimUsage, type PoolFilter, type PoolRecord, type RecordType } from './pool.types.ts';

export const formatTime = (value: string | null | undefined) => (value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '—');

export function TypeTag({ type }: { type: RecordType }) {
  const { t } = useTranslation();
  return (
    <Tag color={type === 'lead' ? 'geekblue' : 'purple'} data-testid="pool-record-type" style={{ marginInlineEnd: 0 }}>
      {recordTypeLabel(t, type)}
    </Tag>
  );
}

export function LevelTag({ level }: { level: string | null }) {
  if (!level) return null;
  return (
    <Tag color="gold" data-testid="pool-record-level" style={{ marginInlineEnd: 0 }}>
      {level}
    </Tag>
  );
}

/** The record's name; a link to its page only where the caller owns or manages it (the public pool hides details). */
export function RecordTitle({ record, link }: { record: Pick<PoolRecord, 'type' | 'id' | 'title'>; link: boolean }) {
  const text = (
    <Typography.Text strong data-testid="pool-record-title">
      {record.title}
    </Typography.Text>
  );
  if (!link) return text;
  return (
    <Link to={record.type === 'lead' ? `/leads/${record.id}` : `/customers/${record.id}`} onClick={(e) => e.stopPropagation()}>
      {text}
    </Link>
  );
}

export const regionText = (record: Pick<PoolRecord, 'province' | 'city'>) => [record.province, record.city].filter(Boolean).join(' ') || '—';

export function DistanceText({ km }: { km: number | null }) {
  const text = formatDistance(km);
  if (!text) return null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }} data-testid="pool-record-distance">
      <EnvironmentOutlined /> {text}
    </Typography.Text>
  );
}

/** Why the caller cannot claim a public record yet: it waits after falling, or the caller let it fall and is kept off it. */
export function ClaimBlock({ record, now }: { record: PoolRecord; now: Date }) {
  const { t } = useTranslation();
  if (isFuture(record.protectedUntil, now)) {
    return (
      <Tag icon={<LockOutlined />} color="red" data-testid="pool-record-protected">
        {t('pool.record.protectedUntil', { when: formatTime(record.protectedUntil) })}
      </Tag>
    );
  }
  if (isFuture(record.claimableAt, now)) {
    return (
      <Tag icon={<ClockCircleOutlined />} color="orange" data-testid="pool-record-waiting">
        {t('pool.record.claimableAt', { when: formatTime(record.claimableAt) })}
      </Tag>
    );
  }
  return null;
}

export const claimBlocked = (record: PoolRecord, now: Date) => isFuture(record.protectedUntil, now) || isFuture(record.claimableAt, now);

/** "还剩 2 天 · 7 天未跟进", red within the warning window; an exemption instead when one holds. */
export function DeadlineTag({ record, warnDays, now }: { record: PoolRecord; warnDays: number; now: Date }) {
  const { t } = useTranslation();
  if (record.exemption) {
    return (
      <Tag icon={<SafetyOutlined />} color="green" data-testid="pool-record-exemption" data-exemption={record.exemption}>
        {exemptionLabel(t, record.exemption)}
      </Tag>
    );
  }
  if (!record.deadline) {
    return (
      <Typography.Text type="secondary" data-testid="pool-record-deadline" data-state="none">
        {t('pool.deadline.none')}
      </Typography.Text>
    );
  }
  const left = countdown(record.deadline, now);
  const urgent = left.state === 'overdue' || isDueSoon(record.deadline, warnDays, now);
  return (
    <Tooltip title={formatTime(record.deadline)}>
      <Tag color={urgent ? 'red' : 'blue'} data-testid="pool-record-deadline" data-state={urgent ? 'urgent' : 'ok'} style={{ whiteSpace: 'normal' }}>
        {deadlineText(t, record.deadline, record.deadlineRule, now)}
      </Tag>
    </Tooltip>
  );
}

/** 今日已领 x/y，私海 x/y. */
export function UsageText({ usage }: { usage: ClaimUsage }) {
  const { t } = useTranslation();
  return (
    <Typography.Text data-testid="pool-usage">
      {t('pool.usage', { claimed: usage.claimedToday, limit: usage.dailyClaimLimit, held: usage.held, cap: usage.privateCap })}
    </Typography.Text>
  );
}

/** The search box and the record-type filter every pool list starts with; `testId` names them per page. */
export function PoolSearchFilters({ filter, update, testId }: { filter: PoolFilter; update(patch: Partial<PoolFilter>): void; testId: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Input.Search
        allowClear
        defaultValue={filter.q}
        key={`q:${filter.q ?? ''}`}
        placeholder={t('pool.searchPlaceholder')}
        onSearch={(value) => update({ q: value.trim() || undefined })}
        style={{ width: 220, maxWidth: '100%' }}
        data-testid={`${testId}-search`}
      />
      <Select<RecordType>
        allowClear
        placeholder={t('pool.field.type')}
        value={filter.type}
        onChange={(type) => update({ type })}
        options={RECORD_TYPES.map((type) => ({ value: type, label: recordTypeLabel(t, type) }))}
        style={{ width: 100 }}
        popupMatchSelectWidth={false}
        data-testid={`${testId}-type-filter`}
      />
    </>
  );
}
