/** Pure checks behind locales.test.ts, kept apart so they can be tested on bad input too. */

export type Messages = { [key: string]: string | Messages };

/** `{ a: { b: 'x' } }` → `{ 'a.b': 'x' }`; non-string leaves are kept as they are so they can be reported. */
export function flatten(messages: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (messages && typeof messages === 'object' && !Array.isArray(messages)) {
    for (const [key, value] of Object.entries(messages)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        for (const [k, v] of flatten(value, path)) out.set(k, v);
      } else {
        out.set(path, value);
      }
    }
  }
  return out;
}

/** Keys present in one catalogue and not the other, both ways. */
export function keyDifferences(a: Map<string, unknown>, b: Map<string, unknown>): { onlyInA: string[]; onlyInB: string[] } {
  return {
    onlyInA: [...a.keys()].filter((key) => !b.has(key)).sort(),
    onlyInB: [...b.keys()].filter((key) => !a.has(key)).sort(),
  };
}

/** Leaves that are not a non-blank string. */
export function emptyValues(flat: Map<string, unknown>): string[] {
  return [...flat.entries()].filter(([, value]) => typeof value !== 'string' || value.trim() === '').map(([key]) => key);
}

const T_CALL = /\bt\(\s*(['"])([^'"\n]+?)\1/g;

/** The literal keys of t() calls with a quoted key (also i18n.t) in a source text. */
export function usedKeys(source: string): string[] {
  return [...source.matchAll(T_CALL)].map((match) => match[2] as string);
}

/** Used keys that are not a string leaf of the catalogue. */
export function missingKeys(used: Iterable<string>, flat: Map<string, unknown>): string[] {
  return [...new Set(used)].filter((key) => typeof flat.get(key) !== 'string').sort();
}
