/**
 * A FIFO lock. PGlite is a single connection: every statement, transaction and job-queue call
 * goes through one of these so that nothing runs inside another caller's transaction.
 */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn, fn);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
