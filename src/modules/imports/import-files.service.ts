import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { importChunks } from './imports.tables.ts';

const CHUNK = 1024 * 1024;
const CHUNKS_PER_TX = 8;

/** The largest file an import takes. */
export const MAX_IMPORT_BYTES = 300 * 1024 * 1024;

export class FileTooLargeError extends Error {
  readonly maxBytes = MAX_IMPORT_BYTES;
  constructor() {
    super(`The file is larger than ${MAX_IMPORT_BYTES} bytes`);
  }
}

/**
 * Keeps an uploaded file in the database in 1 MiB pieces, so that whichever app node runs the
 * import can read it. Returns its size and SHA-256.
 */
export async function storeFile(db: Database, tenantId: string, importId: string, source: Readable | Buffer): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  let seq = 0;
  let pending: Buffer[] = [];
  let carry: Buffer = Buffer.alloc(0);
  const flush = async () => {
    if (pending.length === 0) return;
    const rows = pending.map((data) => ({ tenantId, importId, seq: seq++, data: new Uint8Array(data) }));
    pending = [];
    await db.tenantTx(tenantId, (tx) => tx.insert(importChunks).values(rows));
  };
  const pieces: AsyncIterable<Buffer> | Buffer[] = Buffer.isBuffer(source) ? [source] : (source as AsyncIterable<Buffer>);
  for await (const piece of pieces) {
    size += piece.length;
    if (size > MAX_IMPORT_BYTES) throw new FileTooLargeError();
    hash.update(piece);
    carry = carry.length ? Buffer.concat([carry, piece]) : Buffer.from(piece);
    while (carry.length >= CHUNK) {
      pending.push(carry.subarray(0, CHUNK));
      carry = carry.subarray(CHUNK);
      if (pending.length >= CHUNKS_PER_TX) await flush();
    }
  }
  if (carry.length) pending.push(carry);
  await flush();
  return { size, sha256: hash.digest('hex') };
}

/** Removes a stored file's pieces, e.g. of an upload that was refused half-way. */
export async function discardFile(db: Database, tenantId: string, importId: string): Promise<void> {
  await db.tenantTx(tenantId, (tx) => tx.delete(importChunks).where(eq(importChunks.importId, importId)));
}

/** Writes the stored file to a temporary file for parsing; `cleanup` removes it. */
export async function materializeFile(db: Database, tenantId: string, importId: string, fileName: string): Promise<{ file: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tide-import-'));
  const file = path.join(dir, path.basename(fileName).replace(/[^\w.\-\u4e00-\u9fff]/g, '_') || 'upload');
  const out = createWriteStream(file);
  let next = -1;
  for (;;) {
    const rows = await db.tenantTx(tenantId, (tx) =>
      tx
        .select({ seq: importChunks.seq, data: importChunks.data })
        .from(importChunks)
        .where(and(eq(importChunks.importId, importId), gt(importChunks.seq, next)))
        .orderBy(asc(importChunks.seq))
        .limit(CHUNKS_PER_TX),
    );
    if (rows.length === 0) break;
    for (const r of rows) {
      if (!out.write(Buffer.from(r.data))) await new Promise((resolve) => out.once('drain', resolve));
      next = r.seq;
    }
  }
  out.end();
  await finished(out);
  return { file, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
