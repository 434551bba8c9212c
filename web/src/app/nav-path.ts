/** The menu entry for a path: the longest one that is the path or a parent of it (/customers/duplicates is not /customers). */
export function selectedNavPath(paths: readonly string[], pathname: string): string | undefined {
  return paths.filter((path) => pathname === path || pathname.startsWith(`${path}/`)).sort((a, b) => b.length - a.length)[0];
}
