import type { TFunction } from 'i18next';

/** 12345.5 → "¥12,345.50" (other currencies keep their code). */
export function formatMoney(amount: string | number, currency = 'CNY', language = 'zh-CN'): string {
  const value = Number(amount);
  const text = value.toLocaleString(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return currency === 'CNY' ? `¥${text}` : `${currency} ${text}`;
}

/** Seconds → "3 天 4 小时" / "5 分钟": the two largest units that are not zero. */
export function formatDuration(t: TFunction, seconds: number | null): string {
  if (seconds === null) return '—';
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3_600);
  const minutes = Math.floor((seconds % 3_600) / 60);
  if (days > 0) return hours > 0 ? `${t('pipeline.duration.days', { count: days })} ${t('pipeline.duration.hours', { count: hours })}` : t('pipeline.duration.days', { count: days });
  if (hours > 0) return minutes > 0 ? `${t('pipeline.duration.hours', { count: hours })} ${t('pipeline.duration.minutes', { count: minutes })}` : t('pipeline.duration.hours', { count: hours });
  return t('pipeline.duration.minutes', { count: Math.max(minutes, seconds > 0 ? 1 : 0) });
}

/** 0.6667 → "66.7%"; null → "—". */
export const formatRate = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);
