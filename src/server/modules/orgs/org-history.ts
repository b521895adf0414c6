import type { AuditAction } from '../../../contracts/audit.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import type { WorkCtx } from '../../context.ts';
import type { orgEvents } from '../../db/tables/orgs.ts';
import { insertOrgEvent } from './orgs.repo.ts';

export type OrgChange = {
  readonly orgId: number;
  /** The effective-dated fact for the org's history (组织沿革). */
  readonly event: (typeof orgEvents.$inferInsert)['kind'];
  readonly effectiveOn: IsoDate;
  readonly details: Record<string, unknown>;
  /** The audit row: who changed what, under which role. */
  readonly action: AuditAction;
  readonly role: string;
  readonly before?: Record<string, unknown> | null;
  readonly after?: Record<string, unknown> | null;
  readonly note?: Record<string, unknown>;
};

/** Every change of an org leaves its history event and its audit row, in the caller's transaction (tx.db). */
export async function recordOrgChange(tx: WorkCtx, change: OrgChange): Promise<void> {
  await insertOrgEvent(tx.db, {
    orgId: change.orgId,
    kind: change.event,
    effectiveOn: change.effectiveOn,
    details: change.details,
    actorId: tx.audit.actorId,
    recordedAt: tx.at,
  });
  await recordAudit(tx, {
    action: change.action,
    entityType: 'org',
    entityId: change.orgId,
    orgId: change.orgId,
    role: change.role,
    before: change.before ?? null,
    after: change.after ?? null,
    ...(change.note ? { note: change.note } : {}),
  });
}
