/**
 * The fields dedupe compares. Callers map their own rows (customers, import rows, leads) to
 * this shape; everything is optional except the id, kind and name.
 */
export type MatchKind = 'person' | 'company';

export type MatchRecord = {
  id: string;
  kind: MatchKind;
  name: string;
  /** E.164 (`+8613812345678`); other spellings (full-width, no country code) are tolerated. */
  mobile?: string | null;
  email?: string | null;
  nationalId?: string | null;
  creditCode?: string | null;
  province?: string | null;
  city?: string | null;
  district?: string | null;
  street?: string | null;
  /** The full address as entered; may repeat province, city and district. */
  address?: string | null;
};
