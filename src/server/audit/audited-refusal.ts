import type { Db } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { type AuditTarget, type RefusalEntry, recordAudit } from './audit.ts';

/**
 * A refusal that the audit log must keep although the write it refuses is rolled back: an answer that says
 * something about records outside the actor's scope (an ID number registered elsewhere) is a probe when repeated,
 * so each one is recorded for the audit administrator.
 */
export class AuditedRefusal extends AppError {
  constructor(
    error: AppError,
    readonly audit: RefusalEntry,
  ) {
    super(error.code, error.message, error.details);
  }
}

/**
 * Runs `work` in one transaction; when it ends in an AuditedRefusal, the refusal's audit row is written in a
 * transaction of its own after the rollback (inside the failed one it would be rolled back too; beside it, on the
 * embedded database's single connection, it would wait for it forever).
 */
export async function transactionAuditingRefusals<T>(
  ctx: AuditTarget,
  work: (tx: Db) => Promise<T>,
): Promise<T> {
  try {
    return await ctx.db.transaction(work);
  } catch (error) {
    if (error instanceof AuditedRefusal) {
      await ctx.db.transaction((tx) => recordAudit({ db: tx, audit: ctx.audit }, error.audit));
    }
    throw error;
  }
}
