import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { AppraisalGrade, GradeCounts } from '../../../domain/org-life/index.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { pathInScope, type Scope } from '../../db/scope.ts';
import {
  appraisalBallots,
  appraisalCases,
  appraisalParticipants,
  appraisalRounds,
} from '../../db/tables/appraisals.ts';
import { orgs } from '../../db/tables/orgs.ts';
import { members, persons } from '../../db/tables/people.ts';
import { updateAtVersion } from '../../db/versioned.ts';

export type RoundRow = typeof appraisalRounds.$inferSelect;
export type RoundRecord = RoundRow & { orgName: string; orgPath: string };
export type ParticipantRow = typeof appraisalParticipants.$inferSelect & { name: string };
export type CaseRow = typeof appraisalCases.$inferSelect;
export type CaseRecord = CaseRow & { memberName: string };

const roundColumns = { round: appraisalRounds, orgName: orgs.name, orgPath: orgs.path };

function selectRounds(db: Db) {
  return db.select(roundColumns).from(appraisalRounds).innerJoin(orgs, eq(orgs.id, appraisalRounds.orgId));
}

const flatten = (r: { round: RoundRow; orgName: string; orgPath: string }): RoundRecord => ({
  ...r.round,
  orgName: r.orgName,
  orgPath: r.orgPath,
});

/** The round if its branch lies in the scope; `lock` takes a row lock on it. */
export async function findRoundInScope(
  db: Db,
  scope: Scope,
  id: number,
  lock = false,
): Promise<RoundRecord | undefined> {
  const query = selectRounds(db).where(and(eq(appraisalRounds.id, id), pathInScope(scope, orgs.path)));
  const [row] = lock ? await query.for('update', { of: appraisalRounds }) : await query;
  return row ? flatten(row) : undefined;
}

/** Rounds of the branches in the scope (and in `within`, when given), of a year when given; newest first. */
export async function listRounds(
  db: Db,
  filter: { scope: Scope; within: Scope | null; year?: number | undefined },
): Promise<RoundRecord[]> {
  const conditions: SQL[] = [pathInScope(filter.scope, orgs.path)];
  if (filter.within) conditions.push(pathInScope(filter.within, orgs.path));
  if (filter.year !== undefined) conditions.push(eq(appraisalRounds.year, filter.year));
  const rows = await selectRounds(db)
    .where(and(...conditions))
    .orderBy(sql`${appraisalRounds.year} desc`, asc(orgs.path))
    .limit(1000);
  return rows.map(flatten);
}

export async function roundExists(db: Db, orgId: number, year: number): Promise<boolean> {
  const [row] = await db
    .select({ id: appraisalRounds.id })
    .from(appraisalRounds)
    .where(and(eq(appraisalRounds.orgId, orgId), eq(appraisalRounds.year, year)));
  return row !== undefined;
}

export async function insertRound(db: Db, values: typeof appraisalRounds.$inferInsert): Promise<number> {
  const [row] = await db.insert(appraisalRounds).values(values).returning({ id: appraisalRounds.id });
  return (row as { id: number }).id;
}

export async function updateRoundAtVersion(
  db: Db,
  id: number,
  version: number,
  values: Partial<typeof appraisalRounds.$inferInsert>,
): Promise<void> {
  await updateAtVersion(db, appraisalRounds, id, version, values);
}

export async function insertParticipants(
  db: Db,
  rows: readonly (typeof appraisalParticipants.$inferInsert)[],
): Promise<void> {
  if (rows.length > 0) await db.insert(appraisalParticipants).values([...rows]);
}

/** The participants of rounds, with their names, by name. */
export async function listParticipants(db: Db, roundIds: readonly number[]): Promise<ParticipantRow[]> {
  if (roundIds.length === 0) return [];
  const rows = await db
    .select({ p: appraisalParticipants, name: persons.name })
    .from(appraisalParticipants)
    .innerJoin(members, eq(members.id, appraisalParticipants.memberId))
    .innerJoin(persons, eq(persons.id, members.personId))
    .where(inArray(appraisalParticipants.roundId, [...roundIds]))
    .orderBy(asc(persons.name), asc(appraisalParticipants.memberId));
  return rows.map((r) => ({ ...r.p, name: r.name }));
}

export async function updateParticipant(
  db: Db,
  roundId: number,
  memberId: number,
  values: Partial<typeof appraisalParticipants.$inferInsert>,
): Promise<void> {
  await db
    .update(appraisalParticipants)
    .set(values)
    .where(and(eq(appraisalParticipants.roundId, roundId), eq(appraisalParticipants.memberId, memberId)));
}

/** The tally of the members' ballots: subject → counts per grade. */
export async function ballotCounts(db: Db, roundId: number): Promise<Map<number, GradeCounts>> {
  const rows = await queryRows<{ subject: number; grade: AppraisalGrade; n: number }>(
    db,
    sql`select subject_member_id as subject, grade, count(*)::int as n from appraisal_ballots
        where round_id = ${roundId} group by subject_member_id, grade`,
  );
  const out = new Map<number, GradeCounts>();
  for (const r of rows) {
    const c = out.get(r.subject) ?? { excellent: 0, qualified: 0, basically_qualified: 0, unqualified: 0 };
    c[r.grade] = r.n;
    out.set(r.subject, c);
  }
  return out;
}

/** A voter's ballots in a round: subject → grade. */
export async function ballotsOf(
  db: Db,
  roundId: number,
  voterId: number,
): Promise<Map<number, AppraisalGrade>> {
  const rows = await db
    .select({ subject: appraisalBallots.subjectMemberId, grade: appraisalBallots.grade })
    .from(appraisalBallots)
    .where(and(eq(appraisalBallots.roundId, roundId), eq(appraisalBallots.voterMemberId, voterId)));
  return new Map(rows.map((r) => [r.subject, r.grade]));
}

/** One ballot per voter per person: a new one replaces the earlier. */
export async function upsertBallot(
  db: Db,
  values: {
    roundId: number;
    voterMemberId: number;
    subjectMemberId: number;
    grade: AppraisalGrade;
    at: Date;
  },
): Promise<void> {
  const { at, ...ballot } = values;
  await db
    .insert(appraisalBallots)
    .values({ ...ballot, castAt: at })
    .onConflictDoUpdate({
      target: [appraisalBallots.roundId, appraisalBallots.voterMemberId, appraisalBallots.subjectMemberId],
      set: { grade: ballot.grade, castAt: at },
    });
}

const caseColumns = { c: appraisalCases, memberName: persons.name };

function selectCases(db: Db) {
  return db
    .select(caseColumns)
    .from(appraisalCases)
    .innerJoin(members, eq(members.id, appraisalCases.memberId))
    .innerJoin(persons, eq(persons.id, members.personId));
}

export async function listCases(db: Db, roundIds: readonly number[]): Promise<CaseRecord[]> {
  if (roundIds.length === 0) return [];
  const rows = await selectCases(db)
    .where(inArray(appraisalCases.roundId, [...roundIds]))
    .orderBy(asc(appraisalCases.id));
  return rows.map((r) => ({ ...r.c, memberName: r.memberName }));
}

export async function findCase(db: Db, id: number, lock = false): Promise<CaseRecord | undefined> {
  const query = selectCases(db).where(eq(appraisalCases.id, id));
  const [row] = lock ? await query.for('update', { of: appraisalCases }) : await query;
  return row ? { ...row.c, memberName: row.memberName } : undefined;
}

export async function insertCase(db: Db, values: typeof appraisalCases.$inferInsert): Promise<number> {
  const [row] = await db.insert(appraisalCases).values(values).returning({ id: appraisalCases.id });
  return (row as { id: number }).id;
}

export async function updateCaseAtVersion(
  db: Db,
  id: number,
  version: number,
  values: Partial<typeof appraisalCases.$inferInsert>,
): Promise<CaseRow> {
  return updateAtVersion(db, appraisalCases, id, version, values);
}

export async function deleteCase(db: Db, id: number): Promise<void> {
  await db.delete(appraisalCases).where(eq(appraisalCases.id, id));
}

/** The open rounds this member takes part in. */
export async function roundsOfParticipant(db: Db, memberId: number): Promise<RoundRecord[]> {
  const rows = await selectRounds(db)
    .innerJoin(appraisalParticipants, eq(appraisalParticipants.roundId, appraisalRounds.id))
    .where(and(eq(appraisalParticipants.memberId, memberId), eq(appraisalRounds.status, 'open')))
    .orderBy(sql`${appraisalRounds.year} desc`);
  return rows.map((r) => flatten({ round: r.round, orgName: r.orgName, orgPath: r.orgPath }));
}

/** Of these orgs, those with a closed round in the year (for compliance: 民主评议 yearly, 第十八条). */
export async function orgsWithClosedRound(
  db: Db,
  orgIds: readonly number[],
  year: number,
): Promise<Set<number>> {
  if (orgIds.length === 0) return new Set();
  const rows = await db
    .select({ orgId: appraisalRounds.orgId })
    .from(appraisalRounds)
    .where(
      and(
        inArray(appraisalRounds.orgId, [...orgIds]),
        eq(appraisalRounds.year, year),
        eq(appraisalRounds.status, 'closed'),
      ),
    );
  return new Set(rows.map((r) => r.orgId));
}
