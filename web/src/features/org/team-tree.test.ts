import { describe, expect, it } from 'vitest';
import { buildTeamTree, subtreeIds } from './team-tree.ts';
import type { Team } from './org.types.ts';

const team = (id: string, name: string, parentId: string | null = null): Team => ({ id, name, parentId, managerUserId: null, memberCount: 0 });

describe('team tree', () => {
  const teams = [team('b', '华南区', 'root'), team('root', '销售部'), team('a', '华北区', 'root'), team('a1', '北京组', 'a'), team('orphan', '孤儿', 'gone')];

  it('nests children under their parents and keeps orphans as roots', () => {
    const tree = buildTeamTree(teams);
    expect(tree.map((n) => n.id).sort()).toEqual(['orphan', 'root']);
    const root = tree.find((n) => n.id === 'root');
    expect(root?.children.map((n) => n.id).sort()).toEqual(['a', 'b']);
    expect(root?.children.find((n) => n.id === 'a')?.children.map((n) => n.id)).toEqual(['a1']);
  });

  it('finds a team and everything below it', () => {
    expect([...subtreeIds(teams, 'root')].sort()).toEqual(['a', 'a1', 'b', 'root']);
    expect([...subtreeIds(teams, 'a1')]).toEqual(['a1']);
  });
});
