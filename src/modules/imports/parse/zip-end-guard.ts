import type { Readable } from 'node:stream';

/**
 * unzipper's `Parse` stream (exceljs's streaming XLSX reader unzips with it) emits 'end' by hand as
 * soon as the last byte of the file has been written into it, while entries it has already read
 * may still wait in its buffer. exceljs stops at that 'end', so, depending on timing, a workbook's
 * last entries (the workbook part, the shared strings) are never read: the import fails or reads
 * cells without their text. This lets an 'end' through only once the stream has really ended,
 * that is, once every buffered entry has been read; Node emits that one itself.
 */
function endOnlyWhenDrained(stream: Readable): void {
  const emit = stream.emit;
  stream.emit = function (this: Readable, event: string | symbol, ...args: unknown[]) {
    if (event === 'end' && !this.readableEnded) return false;
    return emit.call(this, event, ...args);
  } as Readable['emit'];
}

/** Applies `endOnlyWhenDrained` to whatever `source` is piped into (the unzip stream). */
export function guardZipEnd<S extends Readable>(source: S): S {
  const pipe = source.pipe;
  source.pipe = function <T extends NodeJS.WritableStream>(this: S, destination: T, options?: { end?: boolean }) {
    if (isReadable(destination)) endOnlyWhenDrained(destination);
    return pipe.call(this, destination, options) as T;
  };
  return source;
}

function isReadable(stream: NodeJS.WritableStream): stream is NodeJS.WritableStream & Readable {
  return typeof (stream as { read?: unknown }).read === 'function';
}
