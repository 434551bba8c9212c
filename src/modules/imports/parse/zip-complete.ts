import { open } from 'node:fs/promises';

/** "PK\x05\x06": the end-of-central-directory record, the last thing a complete ZIP file holds. */
const END_OF_DIRECTORY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
/** The record (22 bytes) plus the longest comment a ZIP file may end with. */
const TAIL_BYTES = 22 + 0xffff;

/**
 * Whether a ZIP file (an XLSX workbook) ends with its table of contents, whole: the record that
 * closes it and its comment. A download or copy cut short does not; checked before the file is
 * streamed, it is refused at once instead of failing half-way with copies of its sheets already
 * written to temporary files.
 */
export async function hasZipEnd(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, TAIL_BYTES);
    const tail = Buffer.alloc(length);
    await handle.read(tail, 0, length, size - length);
    // The record is 22 bytes, its comment's length in the last two; bytes after the comment (some
    // writers pad) are let through, as unzipping ignores them.
    for (let at = tail.lastIndexOf(END_OF_DIRECTORY); at >= 0; at = at > 0 ? tail.lastIndexOf(END_OF_DIRECTORY, at - 1) : -1) {
      if (at + 22 <= length && at + 22 + tail.readUInt16LE(at + 20) <= length) return true;
    }
    return false;
  } finally {
    await handle.close();
  }
}
