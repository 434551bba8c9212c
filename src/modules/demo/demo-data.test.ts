import { describe, expect, it } from 'vitest';
import { validateNationalId, validateUscc } from '../customers/index.ts';
import { checkPhone } from '../../lib/phone.ts';
import { MOBILE_PREFIXES } from './contacts.ts';
import { COMPANY_NAME_LISTS } from './company-names.ts';
import { DIVISIONS, listPlaces } from './divisions.ts';
import { PERSON_NAME_LISTS } from './person-names.ts';
import { DEMO_DEFAULTS, generateDemoData, TEAM_BLUEPRINT, type DemoCustomer } from './demo-data.ts';

const NOW = new Date('2025-06-15T04:00:00Z');
const SOURCES = ['online_shop', 'erp', 'dealer', 'call_list', 'web_form', 'referral'];
const HAN = /\p{Script=Han}/u;

const big = generateDemoData({ seed: 42, users: 60, customers: 2000, now: NOW });

function allMobiles(data: typeof big): string[] {
  return [...data.users.map((u) => u.mobile), ...data.customers.flatMap((c) => (c.mobile ? [c.mobile] : []))];
}
function allEmails(data: typeof big): string[] {
  return [...data.users.map((u) => u.email), ...data.customers.flatMap((c) => (c.email ? [c.email] : []))];
}
function share(customers: readonly DemoCustomer[], test: (c: DemoCustomer) => boolean): number {
  return customers.filter(test).length / customers.length;
}

describe('generateDemoData: determinism and counts', () => {
  it('returns identical output for the same options', () => {
    const again = generateDemoData({ seed: 42, users: 60, customers: 2000, now: NOW });
    expect(again).toEqual(big);
  });

  it('returns different output for a different seed', () => {
    const other = generateDemoData({ seed: 43, users: 60, customers: 2000, now: NOW });
    expect(other.customers.map((c) => c.name)).not.toEqual(big.customers.map((c) => c.name));
    expect(other.users.map((u) => u.name)).not.toEqual(big.users.map((u) => u.name));
  });

  it('keeps users unchanged when only the customer count changes', () => {
    const fewer = generateDemoData({ seed: 42, users: 60, customers: 10, now: NOW });
    expect(fewer.users).toEqual(big.users);
  });

  it('uses the defaults', () => {
    const data = generateDemoData({ seed: 1, now: NOW });
    expect(data.teams).toHaveLength(DEMO_DEFAULTS.teams);
    expect(data.users).toHaveLength(DEMO_DEFAULTS.users);
    expect(data.customers).toHaveLength(DEMO_DEFAULTS.customers);
  });

  it.each([
    [1, 0, 0],
    [3, 5, 7],
    [TEAM_BLUEPRINT.length, 1, 1],
  ])('honours teams=%i users=%i customers=%i', (teams, users, customers) => {
    const data = generateDemoData({ seed: 7, teams, users, customers, now: NOW });
    expect(data.teams).toHaveLength(teams);
    expect(data.users).toHaveLength(users);
    expect(data.customers).toHaveLength(customers);
  });

  it.each([
    { teams: 0 },
    { teams: TEAM_BLUEPRINT.length + 1 },
    { users: -1 },
    { customers: 1.5 },
  ])('rejects out-of-range options %o', (counts) => {
    expect(() => generateDemoData({ seed: 1, now: NOW, ...counts })).toThrow(RangeError);
  });

  it('rejects an invalid now', () => {
    expect(() => generateDemoData({ seed: 1, now: new Date('nope') })).toThrow(RangeError);
  });
});

describe('generateDemoData: teams and users', () => {
  it('builds a tree whose parents exist and come first', () => {
    for (const teamCount of [1, 2, 5, TEAM_BLUEPRINT.length]) {
      const { teams } = generateDemoData({ seed: 1, teams: teamCount, users: 0, customers: 0, now: NOW });
      const seen = new Set<string>();
      for (const team of teams) {
        if (team.parentKey !== null) expect(seen.has(team.parentKey)).toBe(true);
        seen.add(team.key);
      }
      expect(seen.size).toBe(teams.length);
    }
  });

  it('assigns every user to an existing team, with managers, sales and service staff', () => {
    const teamKeys = new Set(big.teams.map((t) => t.key));
    for (const user of big.users) expect(teamKeys.has(user.teamKey)).toBe(true);
    const roles = new Set(big.users.map((u) => u.roleKey));
    expect(roles).toEqual(new Set(['manager', 'sales', 'service']));
    const managers = big.users.filter((u) => u.roleKey === 'manager');
    expect(managers.map((m) => m.teamKey)).toEqual(big.teams.filter((t) => t.parentKey === null && t.key !== 'service').map((t) => t.key));
  });

  it('gives users unique keys, mostly Chinese names and some Latin names', () => {
    expect(new Set(big.users.map((u) => u.key)).size).toBe(big.users.length);
    const chinese = big.users.filter((u) => HAN.test(u.name)).length;
    expect(chinese / big.users.length).toBeGreaterThan(0.75);
    expect(chinese).toBeLessThan(big.users.length);
  });
});

describe('generateDemoData: contacts', () => {
  it('never repeats a mobile across users and customers', () => {
    const mobiles = allMobiles(big);
    expect(new Set(mobiles).size).toBe(mobiles.length);
  });

  it('never repeats an e-mail address across users and customers', () => {
    const emails = allEmails(big).map((e) => e.toLowerCase());
    expect(new Set(emails).size).toBe(emails.length);
  });

  it('produces 11-digit mobiles with real carrier prefixes', () => {
    for (const mobile of allMobiles(big)) {
      expect(mobile).toMatch(/^1[3-9]\d{9}$/);
      expect(MOBILE_PREFIXES).toContain(mobile.slice(0, 3));
    }
  });

  it('produces mobiles that the app itself accepts as Chinese mobiles', () => {
    for (const mobile of allMobiles(big)) {
      expect(checkPhone(mobile)).toMatchObject({ ok: true, type: 'mobile', e164: `+86${mobile}` });
    }
  });

  it('produces ASCII e-mail addresses on reserved example domains only', () => {
    for (const email of allEmails(big)) {
      expect(email).toMatch(/^[a-z0-9._-]+@([a-z0-9-]+\.)*example\.(com|net|org)$/);
    }
  });
});

describe('generateDemoData: customers', () => {
  const persons = big.customers.filter((c) => c.kind === 'person');
  const companies = big.customers.filter((c) => c.kind === 'company');

  it('mixes persons and companies', () => {
    expect(persons.length / big.customers.length).toBeGreaterThan(0.45);
    expect(companies.length / big.customers.length).toBeGreaterThan(0.25);
  });

  it('gives every credit code a valid check character, only to companies, without repeats', () => {
    const codes = big.customers.flatMap((c) => (c.creditCode ? [c.creditCode] : []));
    expect(codes.length).toBeGreaterThan(companies.length * 0.7);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(validateUscc(code)).toEqual({ ok: true, value: code });
    expect(persons.every((c) => c.creditCode === null)).toBe(true);
  });

  it('builds credit codes from enterprise prefix 91 and a division code of the customer', () => {
    const divisionCodes = new Set(
      DIVISIONS.flatMap((p) => [p.code, ...p.cities.flatMap((c) => [c.code, ...c.districts.map((d) => d.code)])]),
    );
    for (const c of companies) {
      if (c.creditCode === null) continue;
      expect(c.creditCode.slice(0, 2)).toBe('91');
      expect(divisionCodes.has(c.creditCode.slice(2, 8))).toBe(true);
      const place = listPlaces().find((p) => p.district.name === c.district && p.city.name === c.city);
      expect(place).toBeDefined();
      expect([place?.district.code, place?.city.code, place?.province.code]).toContain(c.creditCode.slice(2, 8));
    }
  });

  it('gives every national id a valid check character and birth date, only to persons, without repeats', () => {
    const ids = big.customers.flatMap((c) => (c.nationalId ? [c.nationalId] : []));
    expect(ids.length).toBeGreaterThan(persons.length * 0.2);
    expect(ids.length).toBeLessThan(persons.length * 0.6);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(validateNationalId(id, NOW)).toMatchObject({ ok: true, value: id });
    expect(companies.every((c) => c.nationalId === null)).toBe(true);
  });

  it('makes national ids of adults, consistent with the name (Chinese names only)', () => {
    for (const c of persons) {
      if (c.nationalId === null) continue;
      expect(HAN.test(c.name)).toBe(true);
      const result = validateNationalId(c.nationalId, NOW);
      if (!result.ok) throw new Error(`invalid ${c.nationalId}`);
      expect(result.birthDate < '2007-06-15').toBe(true);
    }
  });

  it('names companies like registered Chinese companies, with a few Latin names', () => {
    const legalForm = /(有限公司|有限责任公司|股份有限公司)$/;
    const latin = companies.filter((c) => !HAN.test(c.name));
    expect(latin.length).toBeGreaterThan(0);
    expect(latin.length / companies.length).toBeLessThan(0.15);
    for (const c of latin) expect(c.name).toMatch(/ Co\., Ltd\.$/);
    for (const c of companies.filter((c) => HAN.test(c.name))) expect(c.name).toMatch(legalForm);
    expect(new Set(companies.map((c) => c.name)).size).toBe(companies.length);
  });

  it('names persons mostly in Chinese with some Latin names', () => {
    const chinese = persons.filter((c) => HAN.test(c.name)).length / persons.length;
    expect(chinese).toBeGreaterThan(0.85);
    expect(chinese).toBeLessThan(1);
    for (const c of persons.filter((c) => !HAN.test(c.name))) expect(c.name).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
  });

  it('uses real places and writes full addresses that start with the province', () => {
    const places = listPlaces();
    for (const c of big.customers) {
      expect(places.some((p) => p.province.name === c.province && p.city.name === c.city && p.district.name === c.district)).toBe(true);
      if (c.address === null) {
        expect(c.street).toBeNull();
        continue;
      }
      expect(c.street).not.toBeNull();
      expect(c.address.startsWith(c.province)).toBe(true);
      expect(c.address).toContain(`${c.district}${c.street ?? ''} `);
      expect(c.address).toMatch(/ \d+ 号/);
    }
    expect(big.customers.some((c) => c.address?.startsWith('浙江省杭州市'))).toBe(true);
    expect(big.customers.some((c) => c.address?.startsWith('上海市浦东新区'))).toBe(true);
    expect(big.customers.some((c) => c.address?.startsWith('上海市上海市'))).toBe(false);
  });

  it('leaves some fields empty, as real data does', () => {
    expect(share(persons, (c) => c.mobile === null)).toBeGreaterThan(0.02);
    expect(share(persons, (c) => c.email === null)).toBeGreaterThan(0.3);
    expect(share(big.customers, (c) => c.address === null)).toBeGreaterThan(0.05);
    expect(share(companies, (c) => c.creditCode === null)).toBeGreaterThan(0.05);
    expect(companies.every((c) => c.industry !== null)).toBe(true);
  });

  it('uses only the known sources, each of them at least once', () => {
    expect(new Set(big.customers.map((c) => c.source))).toEqual(new Set(SOURCES));
  });

  it('assigns owners who are sales staff or managers, and leaves some in the public pool', () => {
    const sellers = new Set(big.users.filter((u) => u.roleKey !== 'service').map((u) => u.key));
    for (const c of big.customers) if (c.ownerKey !== null) expect(sellers.has(c.ownerKey)).toBe(true);
    expect(share(big.customers, (c) => c.ownerKey === null)).toBeGreaterThan(0.1);
    const noUsers = generateDemoData({ seed: 1, users: 0, customers: 20, now: NOW });
    expect(noUsers.customers.every((c) => c.ownerKey === null)).toBe(true);
  });

  it('gives unique customer keys', () => {
    expect(new Set(big.customers.map((c) => c.key)).size).toBe(big.customers.length);
  });
});

describe('generateDemoData: wide names', () => {
  const wide = generateDemoData({ seed: 42, users: 60, customers: 2000, now: NOW, names: 'wide' });
  const chinese = (data: typeof big, kind: DemoCustomer['kind']) => data.customers.filter((c) => c.kind === kind && HAN.test(c.name));
  const listedBrand = (name: string) => COMPANY_NAME_LISTS.brands.some((b) => name.includes(b));
  const given = (data: typeof big) => new Set(chinese(data, 'person').map((c) => [...c.name].slice(c.name.startsWith('欧阳') ? 2 : 1).join('')));

  it('composes most brands instead of taking them from the demo list, still as registered names', () => {
    expect(chinese(big, 'company').every((c) => listedBrand(c.name))).toBe(true);
    const companies = chinese(wide, 'company');
    expect(companies.filter((c) => listedBrand(c.name)).length / companies.length).toBeLessThan(0.2);
    for (const c of companies) expect(c.name).toMatch(/(有限公司|有限责任公司|股份有限公司)$/);
  });

  it('gives persons many more given names, each of one or two characters, keeping the common ones', () => {
    const demoGiven = given(big);
    const wideGiven = given(wide);
    expect(wideGiven.size).toBeGreaterThan(3 * demoGiven.size);
    for (const g of wideGiven) expect([...g].length).toBeGreaterThanOrEqual(1);
    for (const g of wideGiven) expect([...g].length).toBeLessThanOrEqual(2);
    const common = new Set([...PERSON_NAME_LISTS.maleGiven, ...PERSON_NAME_LISTS.femaleGiven].map(([text]) => text));
    expect([...wideGiven].filter((g) => common.has(g)).length).toBeGreaterThan(50);
  });

  it('leaves the demo names as they were by default', () => {
    expect(generateDemoData({ seed: 42, users: 60, customers: 2000, now: NOW, names: 'demo' })).toEqual(big);
  });
});
