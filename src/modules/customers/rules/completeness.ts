export type TemplateField =
  | 'name'
  | 'mobile'
  | 'email'
  | 'nationalId'
  | 'creditCode'
  | 'province'
  | 'city'
  | 'district'
  | 'street'
  | 'address'
  | 'industry'
  | 'source';

/** The tenant's field template: which fields a good record must have, and which it should. */
export type FieldTemplate = { required: TemplateField[]; wanted: TemplateField[] };

export const DEFAULT_TEMPLATES: Record<'person' | 'company', FieldTemplate> = {
  person: { required: ['name', 'mobile'], wanted: ['province', 'city', 'district', 'address', 'email', 'source'] },
  company: { required: ['name', 'creditCode'], wanted: ['mobile', 'province', 'city', 'district', 'address', 'industry', 'source'] },
};

/**
 * 0–100: required fields carry 70 points, wanted ones 30. A value that failed its check (kept in
 * `invalid`) counts as missing. With no required (or wanted) fields that share is full.
 */
export function completeness(
  record: Partial<Record<TemplateField, string | null | undefined>>,
  template: FieldTemplate,
  invalid: ReadonlySet<string> = new Set(),
): { score: number; missingRequired: TemplateField[]; missingWanted: TemplateField[] } {
  const present = (f: TemplateField) => !invalid.has(f) && (record[f] ?? '').toString().trim() !== '';
  const missingRequired = template.required.filter((f) => !present(f));
  const missingWanted = template.wanted.filter((f) => !present(f));
  const share = (missing: number, total: number) => (total === 0 ? 1 : (total - missing) / total);
  const score = Math.round(70 * share(missingRequired.length, template.required.length) + 30 * share(missingWanted.length, template.wanted.length));
  return { score, missingRequired, missingWanted };
}
