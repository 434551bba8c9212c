import { describe, expect, it } from 'vitest';
import { columnLabel, compileEncoder, fitEncoder, type EncodingSpec } from './features.ts';

const spec: EncodingSpec = {
  categorical: ['source', 'hasEmail'],
  numeric: [{ field: 'days', bounds: [8, 31], scale: { divideBy: 100 } }],
  crosses: [['source', 'size']],
  minCount: 2,
};
const rows = [
  { source: 'referral', hasEmail: true, days: 3, size: 'big' },
  { source: 'referral', hasEmail: false, days: 40, size: 'big' },
  { source: 'web_form', hasEmail: true, days: null, size: 'small' },
  { source: 'web_form', hasEmail: false, days: null, size: 'small' },
  { source: 'rare', hasEmail: true, days: 10, size: 'big' },
];

describe('encoder', () => {
  const data = fitEncoder(spec, rows);
  const labels = data.columns.map((c) => columnLabel(c));

  it('keeps frequent values and pairs, every bucket and the scaled column, in a stable order', () => {
    expect(labels).toEqual([
      'days = (空)',
      'hasEmail = false',
      'hasEmail = true',
      'source = referral',
      'source = web_form',
      'source = referral & size = big',
      'source = web_form & size = small',
      'days < 8',
      'days 8–30',
      'days ≥ 31',
      'days',
    ]);
    expect(fitEncoder(spec, [...rows].reverse()).columns).toEqual(data.columns);
  });

  it('encodes one-hot columns, the bucket and the scaled value; unseen values get no column', () => {
    const encoder = compileEncoder(data);
    const row = encoder.encode({ source: 'referral', hasEmail: false, days: 40, size: 'big' });
    const active = Object.fromEntries([...row.idx].map((i, k) => [labels[i]!, row.val[k]]));
    expect(active).toEqual({ 'source = referral': 1, 'hasEmail = false': 1, 'source = referral & size = big': 1, 'days ≥ 31': 1, days: 0.4 });
    const unseen = encoder.encode({ source: 'rare', days: null });
    expect([...unseen.idx].map((i) => labels[i])).toEqual(['days = (空)']);
  });

  it('survives a JSON round trip (the model is stored as JSON)', () => {
    const back = compileEncoder(JSON.parse(JSON.stringify(data)));
    const facts = { source: 'web_form', hasEmail: true, days: 8, size: 'small' };
    expect(back.encode(facts)).toEqual(compileEncoder(data).encode(facts));
  });
});
