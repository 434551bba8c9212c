import { cleanName, cleanText } from './clean-text.ts';
import type { LeadField } from './fields.ts';
import { fieldIndex, type HeaderMapping } from './header-mapping.ts';
import { rowProblems, type MapResult, type MapRowOptions } from './map-row.ts';
import { readPhoneCell } from './phone-cell.ts';

/**
 * A row of a lead file as text per field, ready for the leads module's intake, which decides what
 * a lead needs (a name, a reachable number or e-mail) and rejects the rest with its own reasons.
 */
export type LeadRow = {
  name: string | null;
  /** E.164 when the cell holds a valid number (the first mobile of several); the cell as written otherwise. */
  mobile: string | null;
  email: string | null;
  creditCode: string | null;
  companyName: string | null;
  title: string | null;
  companySize: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  address: string | null;
  industry: string | null;
  source: string | null;
  note: string | null;
};

/**
 * Reads one row of a lead file. Rejected here only when the row itself is broken (wrong column
 * count, broken quoting, bad encoding, binary junk); whether it makes a lead is the intake's call.
 */
export function mapLeadRow(cells: readonly string[], mapping: HeaderMapping, { issues = [] }: MapRowOptions): MapResult<LeadRow> {
  const broken = rowProblems(cells, mapping, issues);
  if (broken.length > 0) return { ok: false, reasons: broken };

  const at = fieldIndex(mapping);
  const cell = (field: LeadField) => {
    const i = at[field];
    return i === undefined ? undefined : cells[i];
  };
  const get = (field: LeadField) => cleanText(cell(field)) || null;

  const phone = readPhoneCell(cell('mobile') ?? '');
  const mobile = phone.status === 'valid' ? phone.e164 : phone.status === 'invalid' ? phone.raw : null;

  return {
    ok: true,
    flags: [],
    record: {
      name: cleanName(cell('name')) || null,
      mobile,
      email: get('email'),
      creditCode: get('creditCode'),
      companyName: cleanName(cell('companyName')) || null,
      title: get('title'),
      companySize: get('companySize'),
      province: get('province'),
      city: get('city'),
      district: get('district'),
      address: get('address'),
      industry: get('industry'),
      source: get('source'),
      note: get('note'),
    },
  };
}
