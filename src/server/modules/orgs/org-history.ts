import type { AuditAction } from '../../../contracts/audit.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { type AuditContext, recordAudit } from '../../audit/audit.ts';
import type { Db } from '../../db/client.ts';
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

/** Every change of an org leaves its history event and its audit row, in the caller's transaction. */
export async function recordOrgChange(tx: Db, ctx: AuditContext, change: OrgChange): Promise<void> {
  await insertOrgEvent(tx, {
    orgId: change.orgId,
    kind: change.event,
    effectiveOn: change.effectiveOn,
    details: change.details,
    actorId: ctx.actorId,
    recordedAt: ctx.at,
  });
  await recordAudit(tx, ctx, {
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
