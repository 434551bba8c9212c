import type { Team } from './org.types.ts';

export type TeamNode = Team & { children: TeamNode[] };

/** Builds the team forest from the flat list; a team whose parent is missing becomes a root. */
export function buildTeamTree(teams: readonly Team[]): TeamNode[] {
  const nodes = new Map<string, TeamNode>(teams.map((team) => [team.id, { ...team, children: [] }]));
  const roots: TeamNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: TeamNode[]) => {
    list.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}

/** The ids of a team and all teams below it (a team cannot move under any of them). */
export function subtreeIds(teams: readonly Team[], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const team of teams) {
      if (team.parentId && ids.has(team.parentId) && !ids.has(team.id)) {
        ids.add(team.id);
        grew = true;
      }
    }
  }
  return ids;
}

export type TeamTreeOption = { value: string; title: string; disabled?: boolean; children: TeamTreeOption[] };

/** Tree data for antd TreeSelect; `disabled` ids stay visible but cannot be picked. */
export function teamTreeOptions(teams: readonly Team[], disabled: ReadonlySet<string> = new Set()): TeamTreeOption[] {
  const map = (node: TeamNode): TeamTreeOption => ({
    value: node.id,
    title: node.name,
    disabled: disabled.has(node.id),
    children: node.children.map(map),
  });
  return buildTeamTree(teams).map(map);
}
