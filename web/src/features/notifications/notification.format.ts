import dayjs from 'dayjs';
import type { i18n as I18n } from 'i18next';

/** A message template for a dotted key, if there is one (an object or nothing is not a message). */
function template(i18n: I18n, key: string): boolean {
  const languages = [i18n.language, ...[i18n.options.fallbackLng].flat()].filter((l): l is string => typeof l === 'string');
  return languages.some((language) => typeof i18n.getResource(language, 'translation', key) === 'string');
}

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Values as a reader wants them: times in local time, lists joined. */
export function interpolationValues(data: Record<string, unknown>): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'number') values[key] = value;
    else if (typeof value === 'string') values[key] = ISO_DATETIME.test(value) ? dayjs(value).format('YYYY-MM-DD HH:mm') : value;
    else if (Array.isArray(value)) values[key] = value.length;
    else if (value !== null && value !== undefined) values[key] = JSON.stringify(value);
  }
  return values;
}

/**
 * The text of a notification from its kind (`notifications.kinds.<kind>`) and data; a kind this
 * version of the app does not know shows as itself rather than as a key path.
 */
export function notificationText(i18n: I18n, kind: string, data: Record<string, unknown>): string {
  const key = `notifications.kinds.${kind}`;
  if (!template(i18n, key)) return kind;
  // Values go in `replace`, so data named like a t() option (lng, ns, defaultValue) is only ever data.
  return i18n.t(key, { replace: interpolationValues(data) });
}

/** A label for a webhook event name, or the name itself. */
export function eventLabel(i18n: I18n, event: string): string {
  const key = event === '*' ? 'notifications.events.all' : `notifications.events.${event}`;
  return template(i18n, key) ? i18n.t(key) : event;
}

/** Only paths inside the app are followed: a link never takes the user off-site. */
export const isAppPath = (link: string | null): link is string => !!link && link.startsWith('/') && !link.startsWith('//') && !link.includes('\\');
