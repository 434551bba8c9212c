import { describe, expect, it } from 'vitest';
import { isQueueFilter, leadFilterFromParams, leadFilterQuery, leadFilterToParams, QUEUE_FILTER } from './lead-filter.ts';

const TEAM = '0b5e3c4a-1f2d-4e5f-8a9b-0c1d2e3f4a5b';

describe('lead list filter', () => {
  it('reads known values from the address bar and drops the rest', () => {
    const params = new URLSearchParams(`q=%E5%BC%A0&status=working&owner=me&queueTeamId=${TEAM}&source=web_form&channel=baidu&minScore=60&sort=-score&junk=1`);
    expect(leadFilterFromParams(params)).toEqual({ q: '张', status: 'working', owner: 'me', queueTeamId: TEAM, source: 'web_form', channel: 'baidu', minScore: 60, sort: '-score' });
  });

  it('ignores values the API would refuse', () => {
    const params = new URLSearchParams('status=won&owner=someone&queueTeamId=team-1&minScore=101&sort=name&open=1');
    expect(leadFilterFromParams(params)).toEqual({});
    expect(leadFilterFromParams(new URLSearchParams('minScore=-5'))).toEqual({});
  });

  it('sends trimmed values only, open only when true, and leaves the default sort out', () => {
    expect(leadFilterQuery({ q: '  杭州 ', channel: ' ', sort: '-createdAt', open: false, minScore: 0 })).toEqual({ q: '杭州' });
    expect(leadFilterQuery({ open: true, minScore: 60, sort: 'score' })).toEqual({ open: true, minScore: 60, sort: 'score' });
  });

  it('lets a chosen status win over "open only"', () => {
    expect(leadFilterQuery({ open: true, status: 'qualified' })).toEqual({ status: 'qualified' });
  });

  it('round-trips through the address bar', () => {
    const filter = { q: '138', owner: 'none' as const, open: true, minScore: 40, sort: '-score' as const };
    expect(leadFilterFromParams(leadFilterToParams(filter))).toEqual(filter);
  });

  it('knows the hand-out queue when it sees it', () => {
    expect(isQueueFilter(QUEUE_FILTER)).toBe(true);
    expect(isQueueFilter(leadFilterFromParams(leadFilterToParams(QUEUE_FILTER)))).toBe(true);
    expect(isQueueFilter({ owner: 'me', open: true })).toBe(false);
    expect(isQueueFilter({ owner: 'none', open: true, status: 'new' })).toBe(false);
  });
});
