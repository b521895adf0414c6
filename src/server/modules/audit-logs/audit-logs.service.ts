import { PassThrough, type Readable } from 'node:stream';
import type { AuditAction, AuditEntityType } from '../../../contracts/audit.ts';
import type { Role } from '../../../domain/access/index.ts';
import { grantingAssignments } from '../../../domain/access/index.ts';
import { addDays, type IsoDate } from '../../../domain/shared/index.ts';
import { requirePermission, scopeOf, subtreeIn } from '../../access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { invalidInput } from '../../errors.ts';
import { writeAuditWorkbook } from './audit-logs.excel.ts';
import {
  type AuditFilter,
  type AuditRecord,
  actorNames,
  eachAuditEntryBatch,
  listAuditEntries,
  type Names,
  namesInScope,
} from './audit-logs.repo.ts';
import { entityNameOf, namesWanted, refNamesOf } from './audit-names.ts';

export type AuditQueryInput = {
  from?: IsoDate | undefined;
  to?: IsoDate | undefined;
  actor?: string | undefined;
  action?: AuditAction | undefined;
  entityType?: AuditEntityType | undefined;
  entityId?: string | undefined;
  orgId?: number | undefined;
};

/** Dates in the filter are Beijing calendar days (China keeps +08:00 all year, no daylight saving). */
const beijingMidnight = (date: IsoDate) => new Date(`${date}T00:00:00+08:00`);

/** The filter fields that were given, as the export's audit row records them. */
function givenFilter(input: AuditQueryInput): Record<string, string | number> {
  const { from, to, actor, action, entityType, entityId, orgId } = input;
  const all = { from, to, actor, action, entityType, entityId, orgId };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined && v !== '')) as Record<
    string,
    string | number
  >;
}

/**
 * The audit log is read by the 审计管理员 alone (`audit.read`): everyone else, the system and security
 * administrators included, gets 403 (三员分立). Rows are those of orgs in the actor's scope, and rows of
 * no org when the scope is the whole deployment. An org filter outside the scope answers 404.
 */
async function filterOf(ctx: Ctx, input: AuditQueryInput): Promise<{ filter: AuditFilter; role: Role }> {
  const role = requirePermission(ctx, 'audit.read');
  if (input.from && input.to && input.to < input.from) {
    throw invalidInput('结束日期不能早于开始日期', [
      { path: ['querystring', 'to'], message: '结束日期不能早于开始日期' },
    ]);
  }
  const scope = scopeOf(ctx, 'audit.read');
  const within = (await subtreeIn(ctx, scope, input.orgId || undefined)) ?? undefined;
  const filter: AuditFilter = {
    scope,
    within,
    from: input.from ? beijingMidnight(input.from) : undefined,
    before: input.to ? beijingMidnight(addDays(input.to, 1)) : undefined,
    actor: input.actor || undefined,
    action: input.action || undefined,
    entityType: input.entityType || undefined,
    entityId: input.entityId || undefined,
  };
  return { filter, role };
}

function view(r: AuditRecord, names: Names, actors: ReadonlyMap<number, string>) {
  return {
    id: r.id,
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorUsername: r.actorUsername,
    actorName: r.actorId === null ? null : (actors.get(r.actorId) ?? null),
    role: r.role,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    entityName: entityNameOf(r, names),
    orgId: r.orgId,
    orgName: r.orgName,
    diff: r.diff ?? null,
    refNames: refNamesOf(r, names),
    ip: r.ip,
    userAgent: r.userAgent,
  };
}

export async function listAuditLogs(ctx: Ctx, input: AuditQueryInput & { page: number; pageSize: number }) {
  const { filter } = await filterOf(ctx, input);
  const { rows, total } = await listAuditEntries(ctx.db, filter, {
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  // Ids become names only within the reader's scope today (an entry about a member since moved away keeps
  // its id); the actors' names go with the usernames every entry of the scope already shows.
  const names = await namesInScope(ctx.db, filter.scope, namesWanted(rows));
  const actorIds = [...new Set(rows.flatMap((r) => (r.actorId === null ? [] : [r.actorId])))];
  const actors = await actorNames(ctx.db, actorIds);
  return { items: rows.map((r) => view(r, names, actors)), total };
}

/**
 * Starts an export of the matching entries as .xlsx. The export itself is audited first, with its filter,
 * at the filtered org or else the org of the actor's 审计管理员 assignment, so that it shows in that scope.
 */
export async function exportAuditLogs(
  ctx: Ctx,
  input: AuditQueryInput,
): Promise<{ filename: string; stream: Readable }> {
  const { today } = ctx;
  const { filter, role } = await filterOf(ctx, input);
  const scopeOrg = grantingAssignments(ctx.actor, 'audit.read', today)[0]?.orgId ?? null;
  await inTransaction(ctx, async (tx) => {
    await recordAudit(tx, {
      action: 'audit_log.export',
      entityType: 'audit_log',
      orgId: input.orgId ?? scopeOrg,
      role,
      note: givenFilter(input),
    });
  });
  const stream = new PassThrough();
  writeAuditWorkbook(stream, eachAuditEntryBatch(ctx.db, filter)).catch((error: unknown) => {
    ctx.log.error({ err: error }, 'audit log export failed');
    stream.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return { filename: `审计日志-${today.replaceAll('-', '')}.xlsx`, stream };
}
