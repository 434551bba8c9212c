import { cleanText } from './clean-text.ts';

/** Longer than this, a "tag" is a note mapped to the wrong column: dropped, and the row flagged. */
export const MAX_TAG_LENGTH = 30;
/** Tags kept from one row; the rest are dropped and the row flagged. */
export const MAX_TAGS_PER_ROW = 20;

/** The tags in one cell, and what was left out of them (for the row's flags). */
export type TagsCell = {
  tags: string[];
  /** Tags over MAX_TAG_LENGTH characters, as written. */
  tooLong: string[];
  /** Tags beyond the first MAX_TAGS_PER_ROW. */
  overCap: string[];
};

/**
 * Separators after NFKC, which folds the full-width ones (，；｜／) to these: comma, semicolon,
 * vertical bar, slash, backslash, 、, and tabs and line breaks (a cell with one tag per line).
 */
const SEPARATORS = /[,;|/\\、\t\r\n]+/;

/**
 * A space separates tags unless it stands between two Latin letters or digits: `VIP 老客户 华东`
 * is three tags, while `key account` and `Top 100` stay one. English tags in one cell therefore
 * need one of the separators above (`VIP, key account`). Applied to text with single spaces.
 */
const SPACE_BETWEEN_TAGS = /(?<![A-Za-z0-9]) | (?![A-Za-z0-9])/;

/**
 * `VIP,老客户；华东 | 展会` → VIP, 老客户, 华东, 展会. Each tag is cleaned like any cell (NFKC,
 * single spaces, placeholders such as 无 or N/A read as empty); empty ones are dropped, and so are
 * repeats, compared without case (the first spelling is kept).
 */
export function readTagsCell(raw: string | undefined): TagsCell {
  const result: TagsCell = { tags: [], tooLong: [], overCap: [] };
  if (!raw || cleanText(raw) === '') return result;
  const seen = new Set<string>();
  for (const part of raw.normalize('NFKC').split(SEPARATORS)) {
    for (const piece of part.replace(/\s+/g, ' ').trim().split(SPACE_BETWEEN_TAGS)) {
      const tag = cleanText(piece);
      if (tag === '') continue;
      const key = tag.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      if ([...tag].length > MAX_TAG_LENGTH) result.tooLong.push(tag);
      else if (result.tags.length >= MAX_TAGS_PER_ROW) result.overCap.push(tag);
      else result.tags.push(tag);
    }
  }
  return result;
}
