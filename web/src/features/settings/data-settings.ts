/** The tenant's customer-data settings (GET/PUT /customer-settings) and the form that edits them. */

export type SurvivorshipRule = 'newest_non_empty' | 'most_trusted_source';
export type FieldTemplate = { required: string[]; wanted: string[] };

export type CustomerSettings = {
  thresholds: { autoMergeAt: number; reviewAt: number };
  /** Channels, most trusted first. */
  sourceTrust: string[];
  survivorship: Record<string, SurvivorshipRule>;
  fieldTemplates: { person: FieldTemplate; company: FieldTemplate };
};

export type FieldWeight = 'required' | 'wanted' | 'none';

export type SettingsForm = {
  /** Percentages 0–100, easier to read than 0..1. */
  thresholds: { autoMergeAt: number; reviewAt: number };
  sourceTrust: string[];
  survivorship: Record<string, SurvivorshipRule>;
  templates: { person: Record<string, FieldWeight>; company: Record<string, FieldWeight> };
};

/** The fields a completeness template may name (the server's TemplateField). */
export const TEMPLATE_FIELDS = [
  'name',
  'mobile',
  'email',
  'nationalId',
  'creditCode',
  'province',
  'city',
  'district',
  'street',
  'address',
  'industry',
  'source',
] as const;

/** Fields merged by a survivorship rule; the server may name more, which are kept. */
export const SURVIVORSHIP_FIELDS = TEMPLATE_FIELDS;

const toPercent = (value: number) => Math.round(value * 1000) / 10;
const fromPercent = (value: number) => Math.round(value * 10) / 1000;

function weightsOf(template: FieldTemplate, fields: readonly string[]): Record<string, FieldWeight> {
  const all = [...new Set([...fields, ...template.required, ...template.wanted])];
  return Object.fromEntries(all.map((field) => [field, template.required.includes(field) ? 'required' : template.wanted.includes(field) ? 'wanted' : 'none']));
}

function templateOf(weights: Record<string, FieldWeight>): FieldTemplate {
  const entries = Object.entries(weights);
  return {
    required: entries.filter(([, weight]) => weight === 'required').map(([field]) => field),
    wanted: entries.filter(([, weight]) => weight === 'wanted').map(([field]) => field),
  };
}

export function settingsToForm(settings: CustomerSettings): SettingsForm {
  const survivorship: Record<string, SurvivorshipRule> = {};
  for (const field of new Set([...SURVIVORSHIP_FIELDS, ...Object.keys(settings.survivorship)])) {
    survivorship[field] = settings.survivorship[field] ?? 'newest_non_empty';
  }
  return {
    thresholds: { autoMergeAt: toPercent(settings.thresholds.autoMergeAt), reviewAt: toPercent(settings.thresholds.reviewAt) },
    sourceTrust: [...settings.sourceTrust],
    survivorship,
    templates: {
      person: weightsOf(settings.fieldTemplates.person, TEMPLATE_FIELDS),
      company: weightsOf(settings.fieldTemplates.company, TEMPLATE_FIELDS),
    },
  };
}

export function formToSettings(form: SettingsForm): CustomerSettings {
  return {
    thresholds: { autoMergeAt: fromPercent(form.thresholds.autoMergeAt), reviewAt: fromPercent(form.thresholds.reviewAt) },
    sourceTrust: [...new Set(form.sourceTrust.map((source) => source.trim()).filter(Boolean))],
    survivorship: { ...form.survivorship },
    fieldTemplates: { person: templateOf(form.templates.person), company: templateOf(form.templates.company) },
  };
}

/** Moves one entry of a list up (-1) or down (+1); out-of-range moves change nothing. */
export function moveItem<T>(list: readonly T[], index: number, step: -1 | 1): T[] {
  const target = index + step;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  [next[index], next[target]] = [next[target] as T, next[index] as T];
  return next;
}
