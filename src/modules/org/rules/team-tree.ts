export type TeamNode = { id: string; parentId: string | null };

/** The ids of a team and every team below it. */
export function subtreeIds(teams: readonly TeamNode[], rootId: string): string[] {
  const children = new Map<string, string[]>();
  for (const t of teams) {
    if (t.parentId) children.set(t.parentId, [...(children.get(t.parentId) ?? []), t.id]);
  }
  const out: string[] = [];
  const stack = [rootId];
  const seen = new Set<string>();
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

/** Moving `teamId` under `newParentId` would put a team inside its own subtree. */
export function wouldCreateCycle(teams: readonly TeamNode[], teamId: string, newParentId: string | null): boolean {
  if (newParentId === null) return false;
  return subtreeIds(teams, teamId).includes(newParentId);
}
