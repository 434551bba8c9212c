import type { FieldMapping, ImportStatus, ImportType } from './import.types.ts';

export const CUSTOMER_TARGETS = [
  'name',
  'kind',
  'mobile',
  'email',
  'nationalId',
  'creditCode',
  'companyName',
  'province',
  'city',
  'district',
  'street',
  'address',
  'industry',
  'source',
  'externalId',
  'note',
  'tags',
] as const;

export const ORDER_TARGETS = [
  'orderNo',
  'orderedAt',
  'amount',
  'items',
  'quantity',
  'customerName',
  'customerMobile',
  'customerExternalId',
  'channel',
] as const;

/** A lead file: the customer fields a lead has, and the person's title and the company's size. */
export const LEAD_TARGETS = [
  'name',
  'mobile',
  'email',
  'creditCode',
  'companyName',
  'title',
  'companySize',
  'province',
  'city',
  'district',
  'address',
  'industry',
  'source',
  'note',
] as const;

/** The value of the "do not import this column" choice; such headers are left out of the mapping sent. */
export const IGNORE = 'ignore';

export function targetsOf(type: ImportType): readonly string[] {
  switch (type) {
    case 'customers':
      return CUSTOMER_TARGETS;
    case 'orders':
      return ORDER_TARGETS;
    case 'leads':
      return LEAD_TARGETS;
  }
}

/** One choice per header: the server's guess when it is a known target, otherwise "ignore". */
export function initialChoices(headers: readonly string[], guessed: FieldMapping, type: ImportType): string[] {
  const targets = targetsOf(type);
  return headers.map((header) => {
    const target = guessed[header];
    return target && targets.includes(target) ? target : IGNORE;
  });
}

/** The mapping to send: ignored headers left out. Duplicate header names keep their first choice. */
export function mappingOf(headers: readonly string[], choices: readonly string[]): FieldMapping {
  const mapping: FieldMapping = {};
  headers.forEach((header, index) => {
    const choice = choices[index];
    if (choice && choice !== IGNORE && !(header in mapping)) mapping[header] = choice;
  });
  return mapping;
}

/** Targets chosen for more than one column (the later column would overwrite the earlier one). */
export function duplicateTargets(choices: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const choice of choices) {
    if (choice === IGNORE) continue;
    if (seen.has(choice)) twice.add(choice);
    seen.add(choice);
  }
  return twice;
}

/**
 * What a row cannot do without (as the server checks it): a customer needs a name or an identity,
 * an order its number and a customer, a lead a mobile or an e-mail.
 */
const NEEDS: Record<ImportType, { all: readonly string[]; anyOf: readonly string[] }> = {
  customers: { all: [], anyOf: ['name', 'companyName', 'mobile', 'nationalId', 'creditCode', 'email', 'externalId'] },
  orders: { all: ['orderNo'], anyOf: ['customerMobile', 'customerExternalId', 'customerName'] },
  leads: { all: [], anyOf: ['mobile', 'email'] },
};

export function hasKeyColumn(choices: readonly string[], type: ImportType): boolean {
  const needs = NEEDS[type];
  return needs.all.every((field) => choices.includes(field)) && needs.anyOf.some((field) => choices.includes(field));
}

/** The values of one column in the sample rows, for the mapping table. */
export function columnSample(sample: readonly string[][], index: number, max = 3): string[] {
  return sample
    .map((row) => (row[index] ?? '').trim())
    .filter(Boolean)
    .slice(0, max);
}

export const isRunning = (status: ImportStatus) => status === 'queued' || status === 'running';
