import { generateCompanyName, INDUSTRIES, type Industry } from './company-names.ts';
import { createContactRegistry, DEMO_EMAIL_DOMAINS, uniqueEmail, uniqueMobile, type ContactRegistry } from './contacts.ts';
import { DIVISIONS, formatAddress, listPlaces, type Place } from './divisions.ts';
import { generateCreditCode, generateNationalId } from './identity-numbers.ts';
import { generatePersonName, type PersonName } from './person-names.ts';
import { createRandom, deriveSeed, type Random } from './random.ts';

export type { Industry } from './company-names.ts';

export type DemoTeam = { key: string; name: string; parentKey: string | null };

export type DemoRole = 'manager' | 'sales' | 'service';

export type DemoUser = {
  key: string;
  name: string;
  email: string;
  mobile: string;
  roleKey: DemoRole;
  teamKey: string;
};

export type CustomerKind = 'person' | 'company';

export type CustomerSource = 'online_shop' | 'erp' | 'dealer' | 'call_list' | 'web_form' | 'referral';

export type DemoCustomer = {
  key: string;
  kind: CustomerKind;
  name: string;
  mobile: string | null;
  email: string | null;
  /** Persons only, sometimes. */
  nationalId: string | null;
  /** Companies only, usually. */
  creditCode: string | null;
  province: string;
  city: string;
  district: string;
  /** Null when only the district is known. */
  street: string | null;
  /** Full address (`浙江省杭州市西湖区文三路 123 号`); null when the street is unknown. */
  address: string | null;
  /** Always set for companies; for persons only sometimes. */
  industry: Industry | null;
  source: CustomerSource;
  /** A sales user or manager of a team covering the customer's city; null = public pool. */
  ownerKey: string | null;
};

export type DemoData = { teams: DemoTeam[]; users: DemoUser[]; customers: DemoCustomer[] };

export type DemoDataOptions = {
  seed: number;
  /** Taken in order from the team blueprint (parents always come first); 1…TEAM_BLUEPRINT.length. */
  teams?: number | undefined;
  users?: number | undefined;
  customers?: number | undefined;
  /** Reference time: birth dates in identity numbers lie before it. */
  now: Date;
  /**
   * Company brands (字号) and given names from a few dozen fixed words (the demo's default, easy
   * to recognise) or mostly composed from pools of characters, about as varied as real ones:
   * for bases of hundreds of thousands, where a few dozen of each would make everyone a namesake.
   */
  names?: 'demo' | 'wide' | undefined;
};

export const DEMO_DEFAULTS = { teams: 14, users: 30, customers: 200 } as const;

type TeamBlueprint = DemoTeam & { kind: 'sales' | 'service'; cityCodes: readonly string[] };

/** Ordered so that every prefix of the list is a closed tree. */
export const TEAM_BLUEPRINT: readonly TeamBlueprint[] = [
  { key: 'east', name: '华东大区', parentKey: null, kind: 'sales', cityCodes: ['310100', '330100', '330200', '320100', '320500'] },
  { key: 'east-shanghai-1', name: '上海一组', parentKey: 'east', kind: 'sales', cityCodes: ['310100'] },
  { key: 'east-hangzhou', name: '杭州组', parentKey: 'east', kind: 'sales', cityCodes: ['330100', '330200'] },
  { key: 'service', name: '客户服务部', parentKey: null, kind: 'service', cityCodes: [] },
  { key: 'south', name: '华南大区', parentKey: null, kind: 'sales', cityCodes: ['440100', '440300'] },
  { key: 'south-shenzhen', name: '深圳组', parentKey: 'south', kind: 'sales', cityCodes: ['440300'] },
  { key: 'south-guangzhou', name: '广州组', parentKey: 'south', kind: 'sales', cityCodes: ['440100'] },
  { key: 'north', name: '华北大区', parentKey: null, kind: 'sales', cityCodes: ['110100'] },
  { key: 'north-beijing', name: '北京组', parentKey: 'north', kind: 'sales', cityCodes: ['110100'] },
  { key: 'east-shanghai-2', name: '上海二组', parentKey: 'east', kind: 'sales', cityCodes: ['310100'] },
  { key: 'east-nanjing', name: '南京组', parentKey: 'east', kind: 'sales', cityCodes: ['320100', '320500'] },
  { key: 'west', name: '中西部大区', parentKey: null, kind: 'sales', cityCodes: ['420100', '510100'] },
  { key: 'west-wuhan', name: '武汉组', parentKey: 'west', kind: 'sales', cityCodes: ['420100'] },
  { key: 'west-chengdu', name: '成都组', parentKey: 'west', kind: 'sales', cityCodes: ['510100'] },
];

const USER_EMAIL_DOMAIN = 'tide-demo.example.com';

/** Relative weight of each province (by code) among customer addresses. */
const PROVINCE_WEIGHTS: Readonly<Record<string, number>> = {
  '310000': 20,
  '330000': 20,
  '440000': 20,
  '320000': 14,
  '110000': 12,
  '420000': 7,
  '510000': 7,
};

const PERSON_SOURCES: readonly (readonly [CustomerSource, number])[] = [
  ['online_shop', 35], ['web_form', 20], ['referral', 15], ['call_list', 12], ['dealer', 10], ['erp', 8],
];
const COMPANY_SOURCES: readonly (readonly [CustomerSource, number])[] = [
  ['erp', 30], ['dealer', 20], ['call_list', 20], ['web_form', 15], ['referral', 10], ['online_shop', 5],
];

/**
 * Deterministic demo data for a new tenant: same options → same output. Plain objects
 * only; writing them to the database is the caller's job. Teams, users and customers use
 * independent random streams, so e.g. asking for more customers leaves users unchanged.
 */
export function generateDemoData(opts: DemoDataOptions): DemoData {
  const teamCount = opts.teams ?? DEMO_DEFAULTS.teams;
  const userCount = opts.users ?? DEMO_DEFAULTS.users;
  const customerCount = opts.customers ?? DEMO_DEFAULTS.customers;
  assertCount('teams', teamCount, 1, TEAM_BLUEPRINT.length);
  assertCount('users', userCount, 0, 100_000);
  assertCount('customers', customerCount, 0, 1_000_000);
  if (!Number.isFinite(opts.seed)) throw new RangeError('seed must be a finite number');
  if (Number.isNaN(opts.now.getTime())) throw new RangeError('now must be a valid date');

  const blueprints = TEAM_BLUEPRINT.slice(0, teamCount);
  const contacts = createContactRegistry();
  const users = generateUsers(createRandom(deriveSeed(opts.seed, 'users')), blueprints, userCount, contacts);
  const customers = generateCustomers(
    createRandom(deriveSeed(opts.seed, 'customers')),
    { count: customerCount, now: opts.now, blueprints, users, wideNames: opts.names === 'wide' },
    contacts,
  );
  const teams = blueprints.map(({ key, name, parentKey }) => ({ key, name, parentKey }));
  return { teams, users, customers };
}

function assertCount(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max}, got ${value}`);
  }
}

function generateUsers(
  random: Random,
  blueprints: readonly TeamBlueprint[],
  count: number,
  contacts: ContactRegistry,
): DemoUser[] {
  const regions = blueprints.filter((team) => team.kind === 'sales' && team.parentKey === null);
  const groups = blueprints.filter((team) => team.kind === 'sales' && team.parentKey !== null);
  const salesTeams = groups.length > 0 ? groups : regions;
  const serviceTeam = blueprints.find((team) => team.kind === 'service');

  const users: DemoUser[] = [];
  for (let i = 0; i < count; i++) {
    let roleKey: DemoRole;
    let team: TeamBlueprint;
    const region = regions[i];
    if (region !== undefined) {
      // One manager per region first.
      roleKey = 'manager';
      team = region;
    } else if (random.chance(0.15)) {
      roleKey = 'service';
      team = serviceTeam ?? random.pick(regions);
    } else {
      roleKey = 'sales';
      team = random.pick(salesTeams);
    }
    const person = generatePersonName(random, 0.1);
    users.push({
      key: `user-${String(i + 1).padStart(3, '0')}`,
      name: person.name,
      email: uniqueEmail(contacts, `${person.givenAscii}.${person.familyAscii}`, USER_EMAIL_DOMAIN),
      mobile: uniqueMobile(random, contacts),
      roleKey,
      teamKey: team.key,
    });
  }
  return users;
}

type CustomerContext = {
  count: number;
  now: Date;
  blueprints: readonly TeamBlueprint[];
  users: readonly DemoUser[];
  wideNames: boolean;
};

function generateCustomers(random: Random, ctx: CustomerContext, contacts: ContactRegistry): DemoCustomer[] {
  const places = listPlaces(DIVISIONS);
  const placeWeights = places.map((place) => {
    const inProvince = places.filter((p) => p.province.code === place.province.code).length;
    return [place, (PROVINCE_WEIGHTS[place.province.code] ?? 1) / inProvince] as const;
  });
  const owners = ownersByCity(ctx.blueprints, ctx.users);
  const allOwners = ctx.users.filter((user) => user.roleKey !== 'service').map((user) => user.key);
  const companyNames = new Set<string>();
  const nationalIds = new Set<string>();
  const creditCodes = new Set<string>();

  const customers: DemoCustomer[] = [];
  for (let i = 0; i < ctx.count; i++) {
    const place = random.weighted(placeWeights);
    const key = `customer-${String(i + 1).padStart(5, '0')}`;
    const location = generateLocation(random, place);
    const cityOwners = owners.get(place.city.code) ?? allOwners;
    const ownerPool = cityOwners.length > 0 ? cityOwners : allOwners;
    const ownerKey = ownerPool.length > 0 && random.chance(0.8) ? random.pick(ownerPool) : null;

    if (random.chance(0.6)) {
      const person = generatePersonName(random, 0.06, ctx.wideNames);
      const nationalId =
        !person.latin && random.chance(0.35)
          ? uniqueValue(nationalIds, () =>
              generateNationalId(random, {
                regionCode: random.chance(0.7) ? place.district.code : random.pick(places).district.code,
                sex: person.sex,
                now: ctx.now,
                minAge: 18,
                maxAge: 75,
              }),
            )
          : null;
      customers.push({
        key,
        kind: 'person',
        name: person.name,
        mobile: random.chance(0.9) ? uniqueMobile(random, contacts) : null,
        email: random.chance(0.4) ? personEmail(random, person, contacts) : null,
        nationalId,
        creditCode: null,
        ...location,
        industry: random.chance(0.25) ? random.pick(INDUSTRIES) : null,
        source: random.weighted(PERSON_SOURCES),
        ownerKey,
      });
    } else {
      const company = uniqueCompanyName(random, place, companyNames, ctx.wideNames);
      customers.push({
        key,
        kind: 'company',
        name: company.name,
        mobile: random.chance(0.65) ? uniqueMobile(random, contacts) : null,
        email: random.chance(0.55)
          ? uniqueEmail(
              contacts,
              random.pick(['info', 'sales', 'contact', 'service', 'admin', 'purchase']),
              `${company.brandAscii}.example.com`,
            )
          : null,
        nationalId: null,
        creditCode: random.chance(0.85) ? uniqueValue(creditCodes, () => generateCreditCode(random, place)) : null,
        ...location,
        industry: company.industry,
        source: random.weighted(COMPANY_SOURCES),
        ownerKey,
      });
    }
  }
  return customers;
}

type Location = Pick<DemoCustomer, 'province' | 'city' | 'district' | 'street' | 'address'>;

function generateLocation(random: Random, place: Place): Location {
  const base = { province: place.province.name, city: place.city.name, district: place.district.name };
  if (random.chance(0.15)) return { ...base, street: null, address: null };
  const street = random.pick(place.district.streets);
  let detail = ` ${random.int(1, 999)} 号`;
  const extra = random.next();
  if (extra < 0.25) detail += ` ${random.int(2, 28)} 楼`;
  else if (extra < 0.45) detail += ` ${random.pick(['A', 'B', 'C'])} 座 ${random.int(2, 28)}${String(random.int(1, 20)).padStart(2, '0')} 室`;
  return { ...base, street, address: formatAddress(place, street, detail) };
}

function personEmail(random: Random, person: PersonName, contacts: ContactRegistry): string {
  const domain = random.pick(DEMO_EMAIL_DOMAINS);
  const { givenAscii: given, familyAscii: family } = person;
  const local = person.latin
    ? random.pick([`${given}.${family}`, `${given}${family}`, `${given.charAt(0)}${family}`])
    : random.weighted([
        [`${family}${given}`, 3],
        [`${given}.${family}`, 2],
        [`${family}${given}${random.int(70, 99)}`, 2],
        [`${family}.${given}${random.int(1, 999)}`, 1],
        // QQ-style numeric mailbox.
        [String(random.int(10_000_000, 3_999_999_999)), 2],
      ]);
  return uniqueEmail(contacts, local, domain);
}

function uniqueCompanyName(random: Random, place: Place, taken: Set<string>, wideBrands: boolean): ReturnType<typeof generateCompanyName> {
  for (let attempt = 0; ; attempt++) {
    const company = generateCompanyName(random, place, { latinShare: 0.06, extraBrand: attempt >= 20, wideBrands });
    if (!taken.has(company.name)) {
      taken.add(company.name);
      return company;
    }
    if (attempt > 1000) throw new Error('could not find a unique company name');
  }
}

function uniqueValue(taken: Set<string>, make: () => string): string {
  for (;;) {
    const value = make();
    if (!taken.has(value)) {
      taken.add(value);
      return value;
    }
  }
}

/** City code → keys of users in sales teams covering that city (managers of the region included). */
function ownersByCity(blueprints: readonly TeamBlueprint[], users: readonly DemoUser[]): Map<string, string[]> {
  const teamsByKey = new Map(blueprints.map((team) => [team.key, team]));
  const result = new Map<string, string[]>();
  for (const user of users) {
    if (user.roleKey === 'service') continue;
    const team = teamsByKey.get(user.teamKey);
    for (const cityCode of team?.cityCodes ?? []) {
      const list = result.get(cityCode) ?? [];
      list.push(user.key);
      result.set(cityCode, list);
    }
  }
  return result;
}
