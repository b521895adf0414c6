import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { LapseCaseStatus, LapseCause, MemberStatus } from '../../../domain/membership/index.ts';
import type { Db } from '../../db/client.ts';
import { pathInScope, type Scope } from '../../db/scope.ts';
import { lapseCases } from '../../db/tables/lapse-cases.ts';
import { orgs } from '../../db/tables/orgs.ts';
import { members, persons } from '../../db/tables/people.ts';
import { updateAtVersion } from '../../db/versioned.ts';

/** 党章第九条 cases (docs/membership.md §6): SQL only, on this module's table and the member it is about. */

export type LapseCaseRow = typeof lapseCases.$inferSelect;
/** A case with its member's name, the member's org now (name, path) and the branch it was opened in. */
export type LapseCaseRecord = LapseCaseRow & {
  memberName: string;
  memberOrgId: number;
  memberOrgName: string;
  memberOrgPath: string;
  openedInOrgName: string;
};

const memberOrg = alias(orgs, 'member_org');
const openedIn = alias(orgs, 'opened_in');

function selectCases(db: Db) {
  return db
    .select({
      c: lapseCases,
      memberName: persons.name,
      memberOrgId: memberOrg.id,
      memberOrgName: memberOrg.name,
      memberOrgPath: memberOrg.path,
      openedInOrgName: openedIn.name,
    })
    .from(lapseCases)
    .innerJoin(members, eq(members.id, lapseCases.memberId))
    .innerJoin(persons, eq(persons.id, members.personId))
    .innerJoin(memberOrg, eq(memberOrg.id, members.orgId))
    .innerJoin(openedIn, eq(openedIn.id, lapseCases.orgId));
}

type Joined = Awaited<ReturnType<ReturnType<typeof selectCases>['execute']>>[number];
const flatten = (r: Joined): LapseCaseRecord => ({
  ...r.c,
  memberName: r.memberName,
  memberOrgId: r.memberOrgId,
  memberOrgName: r.memberOrgName,
  memberOrgPath: r.memberOrgPath,
  openedInOrgName: r.openedInOrgName,
});

/** The case if its member's org lies in the scope; `lock` takes a row lock on it. */
export async function findCaseInScope(
  db: Db,
  scope: Scope,
  id: number,
  lock = false,
): Promise<LapseCaseRecord | undefined> {
  const query = selectCases(db).where(and(eq(lapseCases.id, id), pathInScope(scope, memberOrg.path)));
  const [row] = lock ? await query.for('update', { of: [lapseCases] }) : await query;
  return row && flatten(row);
}

export type LapseCaseFilter = {
  readonly subtree: Scope | null;
  readonly memberId?: number | undefined;
  readonly status?: LapseCaseStatus | undefined;
  readonly cause?: LapseCause | undefined;
};

/** The cases of members in the scope (and the filter), open first, the latest opened first. */
export async function listCasesInScope(
  db: Db,
  scope: Scope,
  filter: LapseCaseFilter,
): Promise<LapseCaseRecord[]> {
  const where: SQL[] = [pathInScope(scope, memberOrg.path)];
  if (filter.subtree) where.push(pathInScope(filter.subtree, memberOrg.path));
  if (filter.memberId !== undefined) where.push(eq(lapseCases.memberId, filter.memberId));
  if (filter.status !== undefined) where.push(eq(lapseCases.status, filter.status));
  if (filter.cause !== undefined) where.push(eq(lapseCases.cause, filter.cause));
  const rows = await selectCases(db)
    .where(and(...where))
    .orderBy(sql`${lapseCases.status} = 'closed'`, desc(lapseCases.openedOn), desc(lapseCases.id))
    .limit(1000);
  return rows.map(flatten);
}

/** A member as a case needs them: name, status, org, and the 党支部 they belong to (the branch of a 党小组). */
export type CaseMember = {
  readonly id: number;
  readonly name: string;
  readonly status: MemberStatus;
  readonly orgId: number;
  readonly orgPath: string;
  readonly branchId: number;
  readonly branchPath: string;
};

/** The member if their org lies in the scope; `lock` takes a row lock on the member (one open per cause). */
export async function findCaseMemberInScope(
  db: Db,
  scope: Scope,
  id: number,
  lock = false,
): Promise<CaseMember | undefined> {
  const branch = alias(orgs, 'branch');
  const query = db
    .select({
      id: members.id,
      name: persons.name,
      status: members.status,
      orgId: members.orgId,
      orgPath: orgs.path,
      branchId: branch.id,
      branchPath: branch.path,
    })
    .from(members)
    .innerJoin(persons, eq(persons.id, members.personId))
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .innerJoin(
      branch,
      sql`${branch.id} = case when ${orgs.kind} = 'group' then ${orgs.parentId} else ${orgs.id} end`,
    )
    .where(and(eq(members.id, id), pathInScope(scope, orgs.path)));
  const [row] = lock ? await query.for('update', { of: [members] }) : await query;
  return row;
}

/** The member's cases of a cause (or every cause), for the rules of a new case. */
export async function casesOfMembers(
  db: Db,
  memberIds: readonly number[],
  cause?: LapseCause,
): Promise<LapseCaseRow[]> {
  if (memberIds.length === 0) return [];
  return db
    .select()
    .from(lapseCases)
    .where(
      and(
        // One array parameter, however many members (the daily pass asks for every idle member of the city).
        sql`${lapseCases.memberId} = any(${`{${memberIds.join(',')}}`}::int[])`,
        ...(cause === undefined ? [] : [eq(lapseCases.cause, cause)]),
      ),
    )
    .orderBy(lapseCases.id);
}

export async function insertCase(db: Db, values: typeof lapseCases.$inferInsert): Promise<number> {
  const [row] = await db.insert(lapseCases).values(values).returning({ id: lapseCases.id });
  return (row as { id: number }).id;
}

export async function updateCaseAtVersion(
  db: Db,
  id: number,
  version: number,
  values: Partial<typeof lapseCases.$inferInsert>,
): Promise<LapseCaseRow> {
  return updateAtVersion(db, lapseCases, id, version, values);
}
