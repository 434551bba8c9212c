import { Flex, Progress, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { flagHelp, flagLabel, kindLabel, mobileStatusLabel } from './customer.labels.ts';
import type { Customer, CustomerKind } from './customer.types.ts';

export function KindTag({ kind }: { kind: CustomerKind }) {
  const { t } = useTranslation();
  return (
    <Tag color={kind === 'person' ? 'blue' : 'purple'} data-testid="customer-kind" data-kind={kind}>
      {kindLabel(t, kind)}
    </Tag>
  );
}

/** Check results as small red tags; hovering (or tapping) one explains it. */
export function FlagTags({ flags }: { flags: string[] }) {
  const { t } = useTranslation();
  if (flags.length === 0) return null;
  return (
    <Flex wrap gap={4} data-testid="customer-flags">
      {flags.map((flag) => (
        <Tooltip key={flag} title={flagHelp(t, flag)}>
          <Tag color="red" variant="outlined" style={{ marginInlineEnd: 0, fontSize: 12 }} data-testid="customer-flag" data-flag={flag}>
            {flagLabel(t, flag)}
          </Tag>
        </Tooltip>
      ))}
    </Flex>
  );
}

export function TagList({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <Flex wrap gap={4} data-testid="customer-tags">
      {tags.map((tag) => (
        <Tag key={tag} style={{ marginInlineEnd: 0 }} data-testid="customer-tag">
          {tag}
        </Tag>
      ))}
    </Flex>
  );
}

const completenessColor = (value: number) => (value >= 80 ? '#52c41a' : value >= 50 ? '#faad14' : '#ff4d4f');

/** Completeness 0–100 as a short bar with the number. */
export function CompletenessBar({ value, width = 100 }: { value: number; width?: number }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('customers.completenessHelp')}>
      <div style={{ width, maxWidth: '100%' }} data-testid="customer-completeness" data-value={value}>
        <Progress percent={value} size="small" strokeColor={completenessColor(value)} format={(percent) => `${percent ?? 0}`} />
      </div>
    </Tooltip>
  );
}

/** A mobile number as the server gives it (masked for roles that may not see it), with its state when it is not plain valid. */
export function MobileText({ customer }: { customer: Pick<Customer, 'mobile' | 'mobileStatus'> }) {
  const { t } = useTranslation();
  return (
    <span data-testid="customer-mobile" style={{ whiteSpace: 'nowrap' }}>
      {customer.mobile ?? '—'}
      {customer.mobile && customer.mobileStatus && customer.mobileStatus !== 'valid' && (
        <Tag color={customer.mobileStatus === 'dead' ? 'default' : 'red'} style={{ marginInlineStart: 4 }} data-testid="customer-mobile-status">
          {mobileStatusLabel(t, customer.mobileStatus)}
        </Tag>
      )}
    </span>
  );
}
