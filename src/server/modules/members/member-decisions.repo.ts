import { and, asc, eq, sql } from 'drizzle-orm';
import type { DecisionKind, DecisionStatus } from '../../../domain/membership/index.ts';
import type { Db } from '../../db/client.ts';
import { pathInScope, type Scope } from '../../db/scope.ts';
import { memberDecisions } from '../../db/tables/member-decisions.ts';
import { orgs } from '../../db/tables/orgs.ts';
import { members, persons } from '../../db/tables/people.ts';
import { updateAtVersion } from '../../db/versioned.ts';

export type DecisionRow = typeof memberDecisions.$inferSelect;
/** A decision with its member's name and the org it was decided in (name, path, whether a 党小组). */
export type DecisionRecord = DecisionRow & {
  memberName: string;
  orgName: string;
  orgPath: string;
  inGroup: boolean;
};

const columns = {
  decision: memberDecisions,
  memberName: persons.name,
  orgName: orgs.name,
  orgPath: orgs.path,
  inGroup: sql<boolean>`${orgs.kind} = 'group'`,
};

type Joined = {
  decision: DecisionRow;
  memberName: string;
  orgName: string;
  orgPath: string;
  inGroup: boolean;
};
const flatten = (r: Joined): DecisionRecord => ({
  ...r.decision,
  memberName: r.memberName,
  orgName: r.orgName,
  orgPath: r.orgPath,
  inGroup: r.inGroup,
});

function selectDecisions(db: Db) {
  return db
    .select(columns)
    .from(memberDecisions)
    .innerJoin(members, eq(members.id, memberDecisions.memberId))
    .innerJoin(persons, eq(persons.id, members.personId))
    .innerJoin(orgs, eq(orgs.id, memberDecisions.orgId));
}

/** The decision if the org it was decided in lies in the scope; `lock` takes a row lock on it. */
export async function findDecisionInScope(
  db: Db,
  scope: Scope,
  id: number,
  lock = false,
): Promise<DecisionRecord | undefined> {
  const query = selectDecisions(db).where(and(eq(memberDecisions.id, id), pathInScope(scope, orgs.path)));
  const [row] = lock ? await query.for('update', { of: [memberDecisions] }) : await query;
  return row && flatten(row);
}

/** The member's pending decisions (at most one: a unique index). */
export async function listPendingOfMember(db: Db, memberId: number): Promise<DecisionRecord[]> {
  const rows = await selectDecisions(db).where(
    and(eq(memberDecisions.memberId, memberId), eq(memberDecisions.status, 'pending')),
  );
  return rows.map(flatten);
}

/** The pending decisions decided in the scope (and the subtree), oldest meeting first. */
export async function listPendingInScope(
  db: Db,
  scope: Scope,
  subtree: Scope | null,
): Promise<DecisionRecord[]> {
  const rows = await selectDecisions(db)
    .where(
      and(
        eq(memberDecisions.status, 'pending'),
        pathInScope(scope, orgs.path),
        subtree ? pathInScope(subtree, orgs.path) : undefined,
      ),
    )
    .orderBy(asc(memberDecisions.meetingOn), asc(memberDecisions.id));
  return rows.map(flatten);
}

export type NewDecision = {
  readonly memberId: number;
  readonly orgId: number;
  readonly kind: DecisionKind;
  readonly meetingOn: string;
  readonly payload: Record<string, unknown>;
  readonly status: DecisionStatus;
  readonly approvingOrgName: string | null;
  readonly approvedOn: string | null;
  readonly documentNo: string | null;
  readonly createdBy: number | null;
  readonly at: Date;
};

export async function insertDecision(db: Db, d: NewDecision): Promise<number> {
  const decided = d.status === 'pending' ? {} : { decidedBy: d.createdBy, decidedAt: d.at };
  const [row] = await db
    .insert(memberDecisions)
    .values({
      memberId: d.memberId,
      orgId: d.orgId,
      kind: d.kind,
      meetingOn: d.meetingOn,
      payload: d.payload,
      status: d.status,
      approvingOrgName: d.approvingOrgName,
      approvedOn: d.approvedOn,
      documentNo: d.documentNo,
      createdBy: d.createdBy,
      createdAt: d.at,
      ...decided,
    })
    .returning({ id: memberDecisions.id });
  return (row as { id: number }).id;
}

export type DecisionPatch = Partial<
  Pick<DecisionRow, 'status' | 'approvingOrgName' | 'approvedOn' | 'documentNo' | 'decidedBy' | 'decidedAt'>
>;

/** Saves the approval or withdrawal at the version read (409 `stale_version` otherwise). */
export async function updateDecisionAtVersion(
  db: Db,
  id: number,
  version: number,
  patch: DecisionPatch,
): Promise<void> {
  await updateAtVersion(db, memberDecisions, id, version, patch);
}
