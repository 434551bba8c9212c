import type { TFunction } from 'i18next';
import type { ImportCounts, ImportStatus, ImportType } from './import.types.ts';

/** Labels spelled out key by key, so the locale test sees every one of them. */
export function importTypeLabel(t: TFunction, type: ImportType): string {
  switch (type) {
    case 'customers':
      return t('imports.type.customers');
    case 'orders':
      return t('imports.type.orders');
    case 'leads':
      return t('imports.type.leads');
  }
}

export function importStatusLabel(t: TFunction, status: ImportStatus): string {
  switch (status) {
    case 'draft':
      return t('imports.status.draft');
    case 'queued':
      return t('imports.status.queued');
    case 'running':
      return t('imports.status.running');
    case 'done':
      return t('imports.status.done');
    case 'failed':
      return t('imports.status.failed');
    case 'reverted':
      return t('imports.status.reverted');
  }
}

export function importStatusColor(status: ImportStatus): string {
  switch (status) {
    case 'draft':
      return 'default';
    case 'queued':
      return 'gold';
    case 'running':
      return 'processing';
    case 'done':
      return 'success';
    case 'failed':
      return 'error';
    case 'reverted':
      return 'default';
  }
}

export function countLabel(t: TFunction, key: keyof ImportCounts): string {
  switch (key) {
    case 'read':
      return t('imports.count.read');
    case 'created':
      return t('imports.count.created');
    case 'updated':
      return t('imports.count.updated');
    case 'merged':
      return t('imports.count.merged');
    case 'rejected':
      return t('imports.count.rejected');
  }
}

/** Target fields of a column; unknown ones (from a newer server) show their key. */
export function targetLabel(t: TFunction, target: string): string {
  switch (target) {
    case 'ignore':
      return t('imports.target.ignore');
    case 'name':
      return t('imports.target.name');
    case 'kind':
      return t('imports.target.kind');
    case 'mobile':
      return t('imports.target.mobile');
    case 'email':
      return t('imports.target.email');
    case 'nationalId':
      return t('imports.target.nationalId');
    case 'creditCode':
      return t('imports.target.creditCode');
    case 'companyName':
      return t('imports.target.companyName');
    case 'province':
      return t('imports.target.province');
    case 'city':
      return t('imports.target.city');
    case 'district':
      return t('imports.target.district');
    case 'street':
      return t('imports.target.street');
    case 'address':
      return t('imports.target.address');
    case 'industry':
      return t('imports.target.industry');
    case 'source':
      return t('imports.target.source');
    case 'externalId':
      return t('imports.target.externalId');
    case 'note':
      return t('imports.target.note');
    case 'tags':
      return t('imports.target.tags');
    case 'title':
      return t('imports.target.title');
    case 'companySize':
      return t('imports.target.companySize');
    case 'orderNo':
      return t('imports.target.orderNo');
    case 'orderedAt':
      return t('imports.target.orderedAt');
    case 'amount':
      return t('imports.target.amount');
    case 'items':
      return t('imports.target.items');
    case 'quantity':
      return t('imports.target.quantity');
    case 'customerName':
      return t('imports.target.customerName');
    case 'customerMobile':
      return t('imports.target.customerMobile');
    case 'customerExternalId':
      return t('imports.target.customerExternalId');
    case 'channel':
      return t('imports.target.channel');
    default:
      return target;
  }
}

/** What the mapping still lacks for a row to be usable, per import type. */
export function missingKeyText(t: TFunction, type: ImportType): string {
  switch (type) {
    case 'customers':
      return t('imports.mapping.needNameCustomers');
    case 'orders':
      return t('imports.mapping.needOrderNo');
    case 'leads':
      return t('imports.mapping.needContactLeads');
  }
}

/**
 * The server names what is wrong with a file or a mapping by a code (`fields.file`, `fields.mapping`);
 * when its message is still the bare code, say it in the UI's language.
 */
export function importProblemText(t: TFunction, message: string): string {
  switch (message) {
    case 'empty_file':
      return t('imports.problem.empty_file');
    case 'zero_bytes':
      return t('imports.problem.zero_bytes');
    case 'binary_file':
      return t('imports.problem.binary_file');
    case 'no_columns':
      return t('imports.problem.no_columns');
    case 'unreadable':
      return t('imports.problem.unreadable');
    case 'required':
      return t('imports.problem.required');
    case 'no_name_column':
      return t('imports.problem.no_name_column');
    case 'invalid_reference':
      return t('imports.problem.invalid_reference');
    default:
      return message;
  }
}

/** "1.2 MB" */
export function fileSizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
