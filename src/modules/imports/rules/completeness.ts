import type { CustomerField } from './fields.ts';
import type { CleanCustomer, CustomerKind, Flag } from './map-row.ts';

/** The tenant's field template: which fields a good record must have, and which it should. */
export type CompletenessTemplate = { required: CustomerField[]; wanted: CustomerField[] };

export type Completeness = { score: number; missingRequired: CustomerField[]; missingWanted: CustomerField[] };

/** The same defaults as the customers module's, so a record scores the same on import and on edit. */
export const DEFAULT_TEMPLATE: Record<CustomerKind, CompletenessTemplate> = {
  person: { required: ['name', 'mobile'], wanted: ['province', 'city', 'district', 'address', 'email', 'source'] },
  company: { required: ['name', 'creditCode'], wanted: ['mobile', 'province', 'city', 'district', 'address', 'industry', 'source'] },
};

/** Required fields carry this share of the score, wanted ones the rest. */
const REQUIRED_SHARE = 70;

/** Flags that mean a field's value failed its check: the field counts as missing. */
const INVALID_FLAGS = new Set<Flag['code']>(['mobile_invalid', 'email_invalid', 'national_id_invalid', 'credit_code_invalid', 'kind_unrecognised']);

/**
 * 0–100: required fields carry 70 points, wanted ones 30, each share split evenly among its
 * fields (with no required or no wanted fields that share is full). A value that was flagged
 * invalid counts as missing, even if a caller left it in the record.
 */
export function completeness(record: Partial<CleanCustomer>, template: CompletenessTemplate, flags: readonly Flag[] = []): Completeness {
  const invalid = new Set(flags.filter((f) => INVALID_FLAGS.has(f.code)).map((f) => f.field));
  const present = (field: CustomerField) => {
    if (invalid.has(field)) return false;
    const value = record[field];
    return typeof value === 'string' ? value.trim() !== '' : value !== null && value !== undefined;
  };
  const missingRequired = template.required.filter((f) => !present(f));
  const missingWanted = template.wanted.filter((f) => !present(f));
  const share = (missing: number, total: number) => (total === 0 ? 1 : (total - missing) / total);
  const score = Math.round(
    REQUIRED_SHARE * share(missingRequired.length, template.required.length) + (100 - REQUIRED_SHARE) * share(missingWanted.length, template.wanted.length),
  );
  return { score, missingRequired, missingWanted };
}
