import type {
  AuditAction,
  AuditEntityType,
  AuditedRefusalAction,
  AuditNoteReason,
} from '../../contracts/audit.ts';
import type { Db } from '../db/client.ts';
import { auditLog } from '../db/tables/audit.ts';
import { auditDiff } from './redact.ts';

/** Who did it, from where and when: taken once per request or job (context.ts) and passed to every write. */
export type AuditContext = {
  readonly actorId: number | null;
  readonly actorUsername: string | null;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly at: Date;
};

export type AuditEntry = {
  readonly action: AuditAction;
  readonly entityType: AuditEntityType;
  readonly entityId?: string | number | null;
  readonly orgId?: number | null;
  readonly role?: string | null;
  readonly before?: Record<string, unknown> | null;
  readonly after?: Record<string, unknown> | null;
  /**
   * Extra facts that are not a field change (an export's filter, a status change's 原因 in the actor's words). A
   * refusal's `reason` is of a closed vocabulary, checked by the database: write refusals as RefusalEntry.
   */
  readonly note?: Readonly<Record<string, unknown>>;
};

/** A refusal the audit log keeps (AUDITED_REFUSAL_ACTIONS): its note's reason is one of AUDIT_NOTE_REASONS. */
export type RefusalEntry = AuditEntry & {
  readonly action: AuditedRefusalAction;
  readonly note?: Readonly<Record<string, unknown>> & { readonly reason?: AuditNoteReason };
};

/** Where an audit row goes and whose it is: any context (context.ts) is one. */
export type AuditTarget = { readonly db: Db; readonly audit: AuditContext };

/**
 * Appends one audit row in the context's database — the caller's transaction inside inTransaction — so that a
 * write and its audit land together.
 */
export async function recordAudit(target: AuditTarget, entry: AuditEntry): Promise<void> {
  const ctx = target.audit;
  const diff = auditDiff(entry.before ?? null, entry.after ?? null);
  await target.db.insert(auditLog).values({
    at: ctx.at,
    actorId: ctx.actorId,
    actorUsername: ctx.actorUsername,
    role: entry.role ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    orgId: entry.orgId ?? null,
    diff: { ...diff, ...(entry.note ? { note: entry.note } : {}) },
    ip: ctx.ip,
    userAgent: ctx.userAgent,
  });
}
