import { and, count, desc, eq, gte, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { AuditAction, AuditEntityType } from '../../../contracts/audit.ts';
import type { Db } from '../../db/client.ts';
import { orgInScope, orgInScopeOrDeploymentWide, pathInScope, type Scope } from '../../db/scope.ts';
import { auditLog } from '../../db/tables/audit.ts';
import { leadershipPosts, orgs } from '../../db/tables/orgs.ts';
import { importBatches, members, persons, transfers } from '../../db/tables/people.ts';
import { roleAssignments, users } from '../../db/tables/users.ts';

export type AuditFilter = {
  /** The actor's `audit.read` scope. */
  readonly scope: Scope;
  /** Entries about orgs in this subtree. */
  readonly within?: Scope | undefined;
  /** `at >= from` */
  readonly from?: Date | undefined;
  /** `at < before` */
  readonly before?: Date | undefined;
  readonly actor?: string | undefined;
  readonly action?: AuditAction | undefined;
  readonly entityType?: AuditEntityType | undefined;
  readonly entityId?: string | undefined;
};

export type AuditRecord = typeof auditLog.$inferSelect & { orgName: string | null };

function filterCondition(f: AuditFilter): SQL | undefined {
  return and(
    orgInScopeOrDeploymentWide(f.scope, auditLog.orgId),
    f.within ? orgInScope(f.within, auditLog.orgId) : undefined,
    f.from ? gte(auditLog.at, f.from) : undefined,
    f.before ? lt(auditLog.at, f.before) : undefined,
    f.actor ? eq(auditLog.actorUsername, f.actor) : undefined,
    f.action ? eq(auditLog.action, f.action) : undefined,
    f.entityType ? eq(auditLog.entityType, f.entityType) : undefined,
    f.entityId ? eq(auditLog.entityId, f.entityId) : undefined,
  );
}

function selectEntries(db: Db, where: SQL | undefined) {
  return db
    .select({ entry: auditLog, orgName: orgs.name })
    .from(auditLog)
    .leftJoin(orgs, eq(orgs.id, auditLog.orgId))
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id));
}

const flatten = (r: { entry: typeof auditLog.$inferSelect; orgName: string | null }): AuditRecord => ({
  ...r.entry,
  orgName: r.orgName,
});

/** One page of entries, newest first. */
export async function listAuditEntries(
  db: Db,
  filter: AuditFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: AuditRecord[]; total: number }> {
  const where = filterCondition(filter);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(auditLog).where(where);
  const rows = await selectEntries(db, where).limit(page.limit).offset(page.offset);
  return { rows: rows.map(flatten), total };
}

/**
 * Every matching entry, newest first, in batches: an export of a year's log never sits in memory at once.
 * Batches continue after the last (at, id) seen; `at` is always written from a JS Date (audit.ts), so the
 * millisecond precision of the cursor loses nothing.
 */
export async function* eachAuditEntryBatch(
  db: Db,
  filter: AuditFilter,
  batchSize = 1000,
): AsyncGenerator<AuditRecord[]> {
  const where = filterCondition(filter);
  let cursor: { at: Date; id: number } | undefined;
  for (;;) {
    const after = cursor
      ? sql`(${auditLog.at}, ${auditLog.id}) < (${cursor.at.toISOString()}::timestamptz, ${cursor.id})`
      : undefined;
    const rows = (await selectEntries(db, and(where, after)).limit(batchSize)).map(flatten);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1] as AuditRecord;
    cursor = { at: last.at, id: last.id };
  }
}

/** The ids an audit page mentions, by the kind of record they name. */
export type NameRequest = {
  readonly orgs: readonly number[];
  readonly members: readonly number[];
  readonly persons: readonly number[];
  readonly users: readonly number[];
  readonly roleAssignments: readonly number[];
  readonly posts: readonly number[];
  readonly transfers: readonly number[];
  readonly importBatches: readonly number[];
};
export type NameKind = keyof NameRequest;
export type Names = { readonly [K in NameKind]: ReadonlyMap<number, string> };

const toMap = (rows: readonly { id: number; name: string }[]) => new Map(rows.map((r) => [r.id, r.name]));

/**
 * The display names of the records an audit page mentions, each only where the record lies in `scope` today:
 * an org by its path, a member, an account, a post, an assignment or an import by its org, a person through a
 * member in scope, a transfer when either side is in scope. A record outside the scope gets no name, so that
 * an entry about it says no more than its id (docs/design.md §4.3).
 */
export async function namesInScope(db: Db, scope: Scope, ids: NameRequest): Promise<Names> {
  const some = (list: readonly number[]) => list.length > 0;
  const [orgRows, memberRows, personRows, userRows, assignmentRows, postRows, transferRows, batchRows] =
    await Promise.all([
      some(ids.orgs)
        ? db
            .select({ id: orgs.id, name: orgs.name })
            .from(orgs)
            .where(and(inArray(orgs.id, [...ids.orgs]), pathInScope(scope, orgs.path)))
        : [],
      some(ids.members)
        ? db
            .select({ id: members.id, name: persons.name })
            .from(members)
            .innerJoin(persons, eq(persons.id, members.personId))
            .where(and(inArray(members.id, [...ids.members]), orgInScope(scope, members.orgId)))
        : [],
      some(ids.persons)
        ? db
            .selectDistinct({ id: persons.id, name: persons.name })
            .from(persons)
            .innerJoin(members, eq(members.personId, persons.id))
            .where(and(inArray(persons.id, [...ids.persons]), orgInScope(scope, members.orgId)))
        : [],
      some(ids.users)
        ? db
            .select({ id: users.id, name: users.name })
            .from(users)
            .where(and(inArray(users.id, [...ids.users]), orgInScope(scope, users.orgId)))
        : [],
      some(ids.roleAssignments)
        ? db
            .select({ id: roleAssignments.id, name: users.name })
            .from(roleAssignments)
            .innerJoin(users, eq(users.id, roleAssignments.userId))
            .where(
              and(
                inArray(roleAssignments.id, [...ids.roleAssignments]),
                orgInScope(scope, roleAssignments.orgId),
              ),
            )
        : [],
      some(ids.posts)
        ? db
            .select({ id: leadershipPosts.id, name: leadershipPosts.holderName })
            .from(leadershipPosts)
            .where(and(inArray(leadershipPosts.id, [...ids.posts]), orgInScope(scope, leadershipPosts.orgId)))
        : [],
      some(ids.transfers)
        ? db
            .select({ id: transfers.id, name: persons.name })
            .from(transfers)
            .innerJoin(members, eq(members.id, transfers.memberId))
            .innerJoin(persons, eq(persons.id, members.personId))
            .where(
              and(
                inArray(transfers.id, [...ids.transfers]),
                or(orgInScope(scope, transfers.fromOrgId), orgInScope(scope, transfers.toOrgId)),
              ),
            )
        : [],
      some(ids.importBatches)
        ? db
            .select({ id: importBatches.id, name: importBatches.fileName })
            .from(importBatches)
            .where(
              and(inArray(importBatches.id, [...ids.importBatches]), orgInScope(scope, importBatches.orgId)),
            )
        : [],
    ]);
  return {
    orgs: toMap(orgRows),
    members: toMap(memberRows),
    persons: toMap(personRows),
    users: toMap(userRows),
    roleAssignments: toMap(assignmentRows),
    posts: toMap(postRows),
    transfers: toMap(transferRows),
    importBatches: toMap(batchRows),
  };
}

/** The names of the accounts that acted (the rows are in scope; their usernames are shown already). */
export async function actorNames(db: Db, ids: readonly number[]): Promise<ReadonlyMap<number, string>> {
  if (ids.length === 0) return new Map();
  return toMap(
    await db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(inArray(users.id, [...ids])),
  );
}
