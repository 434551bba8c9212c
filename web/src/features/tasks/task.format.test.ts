import { describe, expect, it } from 'vitest';
import { defaultDueAt, isTaskTab, recordPath, tabQuery } from './task.format.ts';

describe('task formatting', () => {
  it('links a task to its record’s page', () => {
    expect(recordPath({ recordType: 'lead', recordId: 'a' })).toBe('/leads/a');
    expect(recordPath({ recordType: 'customer', recordId: 'b' })).toBe('/customers/b');
    expect(recordPath({ recordType: 'opportunity', recordId: 'c' })).toBe('/opportunities?view=list');
  });

  it('proposes the next working morning at 10:00', () => {
    const wednesday = new Date(2026, 2, 11, 15, 30);
    expect(defaultDueAt(wednesday)).toEqual(new Date(2026, 2, 12, 10, 0));
    const friday = new Date(2026, 2, 13, 9, 0);
    expect(defaultDueAt(friday)).toEqual(new Date(2026, 2, 16, 10, 0));
    const saturday = new Date(2026, 2, 14, 9, 0);
    expect(defaultDueAt(saturday)).toEqual(new Date(2026, 2, 16, 10, 0));
  });

  it('asks the server for each tab', () => {
    expect(tabQuery('overdue', 'mine')).toEqual({ scope: 'mine', status: 'open', due: 'overdue' });
    expect(tabQuery('done', 'team')).toEqual({ scope: 'team', status: 'done' });
    expect(isTaskTab('today')).toBe(true);
    expect(isTaskTab('later')).toBe(false);
    expect(isTaskTab(null)).toBe(false);
  });
});
