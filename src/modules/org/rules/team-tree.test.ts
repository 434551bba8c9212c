import { describe, expect, it } from 'vitest';
import { subtreeIds, wouldCreateCycle } from './team-tree.ts';

const teams = [
  { id: 'east', parentId: null },
  { id: 'shanghai', parentId: 'east' },
  { id: 'shanghai-1', parentId: 'shanghai' },
  { id: 'hangzhou', parentId: 'east' },
  { id: 'south', parentId: null },
];

describe('team tree', () => {
  it('lists a subtree', () => {
    expect(subtreeIds(teams, 'east').sort()).toEqual(['east', 'hangzhou', 'shanghai', 'shanghai-1']);
    expect(subtreeIds(teams, 'shanghai-1')).toEqual(['shanghai-1']);
  });
  it('refuses to move a team under its own descendant or itself', () => {
    expect(wouldCreateCycle(teams, 'east', 'shanghai-1')).toBe(true);
    expect(wouldCreateCycle(teams, 'east', 'east')).toBe(true);
    expect(wouldCreateCycle(teams, 'shanghai', 'south')).toBe(false);
    expect(wouldCreateCycle(teams, 'shanghai', null)).toBe(false);
  });
});
