/** A sheet as workbook.xml lists it, in tab order. */
export type WorkbookSheet = { name: string; rId: string; state?: string };
/** A relationship of workbook.xml: which part (worksheets/sheet7.xml, chartsheets/…) a sheet is. */
export type WorkbookRel = { Id: string; Target: string };

/**
 * What a person calls "the first sheet": the first visible worksheet in tab order. The part names
 * (sheet1.xml…) follow creation, not tabs, and a workbook can start with a chart sheet or keep a
 * hidden sheet first; null when the workbook's parts do not say (read the first one then).
 */
export function firstShownSheet(sheets: readonly WorkbookSheet[] | undefined, rels: readonly WorkbookRel[] | undefined): string | null {
  if (!sheets || !rels) return null;
  const targets = new Map(rels.map((r) => [r.Id, r.Target.replace(/^\/?xl\//, '')]));
  const shown = sheets.find((s) => (s.state ?? 'visible') === 'visible' && targets.get(s.rId)?.startsWith('worksheets/'));
  return shown?.name ?? null;
}
