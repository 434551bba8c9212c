import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { normalizeCompanyName } from '../dedupe/index.ts';
import type { CompanyInfo, CompanyQuery, EnrichmentProvider } from './provider.ts';

const HEADERS: Record<keyof CompanyInfo, string[]> = {
  creditCode: ['统一社会信用代码', '信用代码', 'credit_code', 'uscc'],
  legalName: ['企业名称', '名称', 'name', 'legal_name'],
  industry: ['行业', '所属行业', 'industry'],
  registeredAddress: ['注册地址', '住所', 'address', 'registered_address'],
  status: ['登记状态', '经营状态', 'status'],
};

function columnIndex(headers: string[], names: string[]): number {
  const lower = headers.map((h) => h.trim().toLowerCase());
  return lower.findIndex((h) => names.includes(h));
}

/**
 * Reads a registry extract (CSV, UTF-8, header row) into memory once, indexed by credit code
 * and by the company's core name, so that "杭州云帆网络科技有限公司" finds "云帆网络科技（杭州）有限公司".
 */
export async function localRegistryProvider(file: string): Promise<EnrichmentProvider> {
  const byCode = new Map<string, CompanyInfo>();
  const byCore = new Map<string, CompanyInfo[]>();
  const parser = createReadStream(file).pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true }));
  let cols: Record<keyof CompanyInfo, number> | undefined;
  for await (const record of parser as AsyncIterable<string[]>) {
    if (!cols) {
      cols = Object.fromEntries(Object.entries(HEADERS).map(([k, names]) => [k, columnIndex(record, names)])) as Record<keyof CompanyInfo, number>;
      if (cols.creditCode < 0 || cols.legalName < 0) throw new Error(`${file}: needs columns for the credit code and the company name`);
      continue;
    }
    const at = (k: keyof CompanyInfo) => (cols![k] >= 0 ? record[cols![k]]?.trim() || null : null);
    const info: CompanyInfo = { creditCode: at('creditCode')!.toUpperCase(), legalName: at('legalName')!, industry: at('industry'), registeredAddress: at('registeredAddress'), status: at('status') };
    byCode.set(info.creditCode, info);
    const core = normalizeCompanyName(info.legalName).core;
    byCore.set(core, [...(byCore.get(core) ?? []), info]);
  }
  return {
    name: 'local-registry',
    async lookup(query: CompanyQuery) {
      if (query.creditCode) return byCode.get(query.creditCode.trim().toUpperCase()) ?? null;
      if (!query.name) return null;
      const candidates = byCore.get(normalizeCompanyName(query.name).core) ?? [];
      // Only an unambiguous name match: two registered companies of that name need a person.
      return candidates.length === 1 ? candidates[0]! : null;
    },
  };
}
