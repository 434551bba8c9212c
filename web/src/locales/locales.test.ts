import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyValues, flatten, keyDifferences, missingKeys, usedKeys } from './locale-check.ts';

const here = import.meta.dirname;
const srcDir = path.resolve(here, '..');
const load = (name: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(here, name), 'utf8'));
/** The base catalogue plus `<language>/<namespace>.json` files under their namespace, as i18n.ts merges them. */
function catalogue(language: string): Record<string, unknown> {
  const merged = load(`${language}.json`);
  const dir = path.join(here, language);
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
  for (const file of files) merged[file.replace(/\.json$/, '')] = load(path.join(language, file));
  return merged;
}
const zh = flatten(catalogue('zh-CN'));
const en = flatten(catalogue('en-US'));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const used = new Map<string, string>(); // key → first file using it
for (const file of sourceFiles(srcDir)) {
  for (const key of usedKeys(readFileSync(file, 'utf8'))) if (!used.has(key)) used.set(key, path.relative(srcDir, file));
}

describe('locales', () => {
  it('zh-CN and en-US have exactly the same keys', () => {
    expect(keyDifferences(zh, en)).toEqual({ onlyInA: [], onlyInB: [] });
  });

  it('have no empty values', () => {
    expect(emptyValues(zh)).toEqual([]);
    expect(emptyValues(en)).toEqual([]);
  });

  it('the scan of web/src found the t() calls', () => {
    // Guards the check below against a scanner that silently finds nothing.
    expect(used.size).toBeGreaterThan(100);
    expect(used.has('nav.customers')).toBe(true);
  });

  it('have every key used in web/src', () => {
    const missingZh = missingKeys(used.keys(), zh).map((key) => `${key} (${used.get(key)})`);
    const missingEn = missingKeys(used.keys(), en).map((key) => `${key} (${used.get(key)})`);
    expect({ missingZh, missingEn }).toEqual({ missingZh: [], missingEn: [] });
  });
});

describe('locale checks catch bad catalogues', () => {
  const good = flatten({ a: { b: '甲', c: '乙' }, d: '丙' });

  it('reports keys missing on either side', () => {
    expect(keyDifferences(good, flatten({ a: { b: 'x' }, d: 'y', e: 'z' }))).toEqual({ onlyInA: ['a.c'], onlyInB: ['e'] });
  });

  it('reports empty, blank and non-string values', () => {
    expect(emptyValues(flatten({ a: '', b: '  ', c: 1, d: [], e: null, f: 'ok' }))).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('finds t() keys in both quote styles and reports the unknown ones', () => {
    const source = `t('a.b'); t("d"); i18n.t('a.c'); t( 'x.y' ); format('no.t'); t(\`tpl.\${k}\`)`;
    expect(usedKeys(source)).toEqual(['a.b', 'd', 'a.c', 'x.y']);
    expect(missingKeys(usedKeys(source), good)).toEqual(['x.y']);
    expect(missingKeys(['a'], good)).toEqual(['a']); // an object is not a message
  });
});
