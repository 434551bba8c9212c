import { describe, expect, it } from 'vitest';
import { countdown, entryConditionOf, entryListsOf, formatDistance, isDueSoon, poolFilterFromParams, poolFilterQuery, poolFilterToParams, recycleReason, refFromKey, refKey } from './pool.format.ts';

const now = new Date('2030-05-10T08:00:00Z');
const inHours = (h: number) => new Date(now.getTime() + h * 3_600_000).toISOString();

describe('recycle reasons', () => {
  it('reads rule:<kind>:<days>', () => {
    expect(recycleReason('rule:no_follow_up:7')).toEqual({ kind: 'no_follow_up', days: 7 });
    expect(recycleReason('rule:no_won:30')).toEqual({ kind: 'no_won', days: 30 });
  });
  it('leaves other reasons alone', () => {
    expect(recycleReason('no_need')).toBeNull();
    expect(recycleReason('rule:made_up:7')).toBeNull();
    expect(recycleReason(null)).toBeNull();
  });
});

describe('countdown', () => {
  it('counts whole days, never more than is left', () => {
    expect(countdown(inHours(71), now)).toEqual({ state: 'days', days: 2 });
    expect(countdown(inHours(24), now)).toEqual({ state: 'days', days: 1 });
  });
  it('counts hours in the last day, at least one', () => {
    expect(countdown(inHours(5.5), now)).toEqual({ state: 'hours', hours: 5 });
    expect(countdown(inHours(0.2), now)).toEqual({ state: 'hours', hours: 1 });
  });
  it('says overdue once passed', () => {
    expect(countdown(inHours(0), now)).toEqual({ state: 'overdue' });
    expect(countdown(inHours(-3), now)).toEqual({ state: 'overdue' });
  });
  it('marks deadlines in the warning window', () => {
    expect(isDueSoon(inHours(47), 2, now)).toBe(true);
    expect(isDueSoon(inHours(49), 2, now)).toBe(false);
    expect(isDueSoon(null, 2, now)).toBe(false);
  });
});

describe('entry condition lists', () => {
  it('round-trips the lists through a condition', () => {
    const lists = { recordTypes: ['lead'], provinces: ['浙江省', '江苏省'], industries: [], sources: ['referral'] };
    const condition = entryConditionOf(lists);
    expect(condition).toEqual({
      all: [
        { field: 'recordType', op: 'in', value: ['lead'] },
        { field: 'province', op: 'in', value: ['浙江省', '江苏省'] },
        { field: 'source', op: 'in', value: ['referral'] },
      ],
    });
    expect(entryListsOf(condition)).toEqual(lists);
  });
  it('means no condition when every list is empty, and trims and dedupes values', () => {
    expect(entryConditionOf({ recordTypes: [], provinces: [' ', ''], industries: [], sources: [] })).toBeNull();
    expect(entryConditionOf({ recordTypes: [], provinces: ['浙江省 ', '浙江省'], industries: [], sources: [] })).toEqual({ all: [{ field: 'province', op: 'in', value: ['浙江省'] }] });
    expect(entryListsOf(null)).toEqual({ recordTypes: [], provinces: [], industries: [], sources: [] });
  });
  it('reads eq as a one-value list', () => {
    expect(entryListsOf({ all: [{ field: 'industry', op: 'eq', value: '制造业' }] })?.industries).toEqual(['制造业']);
  });
  it('refuses what the simple editor cannot show, so it is kept as it is', () => {
    expect(entryListsOf({ any: [{ field: 'province', op: 'in', value: ['浙江省'] }] })).toBeNull();
    expect(entryListsOf({ all: [{ field: 'level', op: 'eq', value: 'A' }] })).toBeNull();
    expect(entryListsOf({ all: [{ field: 'province', op: 'neq', value: '浙江省' }] })).toBeNull();
    expect(entryListsOf({ all: [{ all: [] }] })).toBeNull();
    expect(
      entryListsOf({
        all: [
          { field: 'province', op: 'eq', value: '浙江省' },
          { field: 'province', op: 'eq', value: '江苏省' },
        ],
      }),
    ).toBeNull();
  });
});

describe('the records filter in the address bar', () => {
  it('round-trips through the search params', () => {
    const filter = { view: 'private' as const, poolId: 'p1', q: '宁波', type: 'lead' as const, level: 'A', province: '浙江省', city: '宁波市', ownerUserId: 'u1', nearby: true, dueWithinDays: 3 };
    expect(poolFilterFromParams(poolFilterToParams(filter))).toEqual(filter);
  });
  it('drops unknown values and leaves the default view out of the address', () => {
    expect(poolFilterFromParams(new URLSearchParams('view=nope&type=order&due=-1'))).toEqual({ view: 'public' });
    expect(poolFilterToParams({ view: 'public' }).toString()).toBe('');
    expect(poolFilterToParams({ view: 'mine', dueWithinDays: 2 }, 'mine').toString()).toBe('due=2');
  });
  it('sends the position only for nearby-first, and the owner only in the private view', () => {
    const base = { view: 'public' as const, ownerUserId: 'u1', dueWithinDays: 3 };
    expect(poolFilterQuery(base, { lat: 30, lng: 120 })).toEqual({ view: 'public', q: undefined, type: undefined, level: undefined, province: undefined, city: undefined, ownerUserId: undefined, dueWithinDays: undefined });
    expect(poolFilterQuery({ ...base, nearby: true }, { lat: 30, lng: 120 })).toMatchObject({ lat: 30, lng: 120 });
    expect(poolFilterQuery({ ...base, nearby: true }, null)).not.toHaveProperty('lat');
    expect(poolFilterQuery({ ...base, view: 'private' }, null)).toMatchObject({ ownerUserId: 'u1', dueWithinDays: 3 });
  });
});

describe('small helpers', () => {
  it('keys records by type and id', () => {
    expect(refFromKey(refKey({ type: 'customer', id: 'abc' }))).toEqual({ type: 'customer', id: 'abc' });
    expect(refFromKey('order:abc')).toBeNull();
  });
  it('formats distances', () => {
    expect(formatDistance(0.35)).toBe('350 m');
    expect(formatDistance(3.14)).toBe('3.1 km');
    expect(formatDistance(42.6)).toBe('43 km');
    expect(formatDistance(null)).toBeNull();
  });
});
