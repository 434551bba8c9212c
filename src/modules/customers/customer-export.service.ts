import ExcelJS from 'exceljs';
import { and, asc } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { Caller } from '../../server/caller.ts';
import { recordAudit } from '../audit/index.ts';
import { customerConditions, presentCustomer, tagsOf, type Customer, type CustomerFilter } from './customers.service.ts';
import { customers } from './customers.tables.ts';
import { csvLine, escapeFormula } from './rules/csv-escape.ts';

export const EXPORT_LIMIT = 100_000;

const COLUMNS: { key: keyof Customer; zh: string; en: string }[] = [
  { key: 'id', zh: 'ID', en: 'ID' },
  { key: 'kind', zh: '类型', en: 'Kind' },
  { key: 'name', zh: '名称', en: 'Name' },
  { key: 'mobile', zh: '手机', en: 'Mobile' },
  { key: 'email', zh: '邮箱', en: 'Email' },
  { key: 'creditCode', zh: '统一社会信用代码', en: 'Credit code' },
  { key: 'nationalId', zh: '身份证号', en: 'National ID' },
  { key: 'province', zh: '省', en: 'Province' },
  { key: 'city', zh: '市', en: 'City' },
  { key: 'district', zh: '区', en: 'District' },
  { key: 'address', zh: '地址', en: 'Address' },
  { key: 'industry', zh: '行业', en: 'Industry' },
  { key: 'source', zh: '来源', en: 'Source' },
  { key: 'tags', zh: '标签', en: 'Tags' },
  { key: 'completeness', zh: '完整度', en: 'Completeness' },
  { key: 'createdAt', zh: '创建时间', en: 'Created' },
];

const cell = (c: Customer, key: keyof Customer) => {
  const v = c[key];
  if (Array.isArray(v)) return v.join(' ');
  // Chinese mobiles export as the 11 digits people dial; others keep E.164.
  if (key === 'mobile' && typeof v === 'string' && v.startsWith('+86')) return v.slice(3);
  return v;
};

/**
 * The customers of the current filter, as CSV (UTF-8 with BOM, so Excel reads Chinese) or XLSX.
 * Masking follows the caller's role; every cell is formula-escaped; the export is audited.
 */
export async function exportCustomers(
  tx: Tx,
  caller: Caller,
  filter: Omit<CustomerFilter, 'limit' | 'cursor'>,
  format: 'csv' | 'xlsx',
): Promise<{ body: Buffer; count: number }> {
  const rows = await tx
    .select()
    .from(customers)
    .where(and(await customerConditions(tx, caller, filter)))
    .orderBy(asc(customers.createdAt), asc(customers.id))
    .limit(EXPORT_LIMIT);
  const tags = await tagsOf(tx, rows.map((r) => r.id));
  const list = rows.map((r) => presentCustomer(r, caller, tags.get(r.id)));
  const header = COLUMNS.map((c) => (caller.locale === 'zh-CN' ? c.zh : c.en));
  let body: Buffer;
  if (format === 'csv') {
    body = Buffer.from('\uFEFF' + csvLine(header) + list.map((c) => csvLine(COLUMNS.map((col) => cell(c, col.key)))).join(''), 'utf8');
  } else {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('customers');
    sheet.addRow(header);
    for (const c of list) {
      sheet.addRow(COLUMNS.map((col) => {
        const v = cell(c, col.key);
        return typeof v === 'string' ? escapeFormula(v) : v;
      }));
    }
    body = Buffer.from(await workbook.xlsx.writeBuffer());
  }
  await recordAudit(tx, caller, { action: 'customer.export', entity: 'customer', after: { format, count: list.length, filter } });
  return { body, count: list.length };
}
