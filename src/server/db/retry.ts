import type { Db } from './client.ts';

/**
 * SQLSTATEs after which the same transaction, run again, can succeed: PostgreSQL chose it as the victim of a
 * deadlock (40P01) or could not serialize it (40001). Two org moves whose subtrees overlap lock the same rows in
 * different orders; one of them is rolled back, and it is retried rather than answered as a 500.
 */
const RETRYABLE = new Set(['40P01', '40001']);

export function isRetryable(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    if (typeof e.code === 'string' && RETRYABLE.has(e.code)) return true;
    e = e.cause as typeof e;
  }
  return false;
}

/** `db.transaction(work)`, run again (up to `attempts` times, after a short random pause) when it was a deadlock victim. */
export async function transactionWithRetry<T>(
  db: Db,
  work: (tx: Db) => Promise<T>,
  attempts = 4,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}
