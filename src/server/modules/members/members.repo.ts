import { and, asc, eq, max, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { WorkCtx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { pathInScope, type Scope } from '../../db/scope.ts';
import { orgs } from '../../db/tables/orgs.ts';
import { memberEvents, members, persons } from '../../db/tables/people.ts';
import { updateAtVersion } from '../../db/versioned.ts';
import { type BookedEvent, bookEvents } from './event-booking.ts';

export type MemberRow = typeof members.$inferSelect;
export type PersonRow = typeof persons.$inferSelect;
/** A member with its person and the name and path of its org. */
export type MemberRecord = MemberRow & { person: PersonRow; orgName: string; orgPath: string };

const recordColumns = { member: members, person: persons, orgName: orgs.name, orgPath: orgs.path };

type Joined = { member: MemberRow; person: PersonRow; orgName: string; orgPath: string };
const flatten = (r: Joined): MemberRecord => ({
  ...r.member,
  person: r.person,
  orgName: r.orgName,
  orgPath: r.orgPath,
});

function selectRecords(db: Db) {
  return db
    .select(recordColumns)
    .from(members)
    .innerJoin(persons, eq(persons.id, members.personId))
    .innerJoin(orgs, eq(orgs.id, members.orgId));
}

/** The member if its org lies in the scope; `lock` takes row locks on member and person. */
export async function findMemberInScope(
  db: Db,
  scope: Scope,
  id: number,
  lock = false,
): Promise<MemberRecord | undefined> {
  const query = selectRecords(db).where(and(eq(members.id, id), pathInScope(scope, orgs.path)));
  const [row] = lock ? await query.for('update', { of: [members, persons] }) : await query;
  return row && flatten(row);
}

/**
 * The member whatever the scope, locked: only for a write that another record already authorizes (the
 * receiving side of a transfer acts on a member outside its scope until the transfer is received).
 */
export async function lockMemberById(db: Db, id: number): Promise<MemberRecord | undefined> {
  const [row] = await selectRecords(db)
    .where(eq(members.id, id))
    .for('update', { of: [members, persons] });
  return row && flatten(row);
}

/** The member of a person (self-service). */
export async function findMemberOfPerson(
  db: Db,
  personId: number,
  lock = false,
): Promise<MemberRecord | undefined> {
  const query = selectRecords(db).where(eq(members.personId, personId));
  const [row] = lock ? await query.for('update', { of: [members, persons] }) : await query;
  return row && flatten(row);
}

/** The person holding this keyed hash of an ID number, and their member id if any. */
export async function findPersonByIdHash(
  db: Db,
  hash: string,
  exceptPersonId?: number,
): Promise<{ personId: number; memberId: number | null; orgPath: string | null } | undefined> {
  const [row] = await db
    .select({ personId: persons.id, memberId: members.id, orgPath: orgs.path })
    .from(persons)
    .leftJoin(members, eq(members.personId, persons.id))
    .leftJoin(orgs, eq(orgs.id, members.orgId))
    .where(and(eq(persons.idNumberHash, hash), exceptPersonId ? ne(persons.id, exceptPersonId) : undefined));
  return row;
}

/** The date of the member's latest event: new history is never dated before it. */
export async function findLastEventOn(db: Db, memberId: number): Promise<string | null> {
  const [row] = await db
    .select({ on: max(memberEvents.effectiveOn) })
    .from(memberEvents)
    .where(eq(memberEvents.memberId, memberId));
  return row?.on ?? null;
}

/** The approval of the level above kept on a decision's history row (docs/membership.md §12). */
type ApprovalFacts = { approvingOrgName: string; approvedOn: string; documentNo: string };

const fromOrg = alias(orgs, 'event_org');
const toOrg = alias(orgs, 'event_to_org');

/** The history of a member, oldest first, with the names of the orgs (also those outside the scope). */
export async function listMemberEvents(db: Db, memberId: number) {
  return db
    .select({
      id: memberEvents.id,
      kind: memberEvents.kind,
      orgId: memberEvents.orgId,
      orgName: fromOrg.name,
      toOrgId: memberEvents.toOrgId,
      toOrgName: toOrg.name,
      fromValue: memberEvents.fromValue,
      toValue: memberEvents.toValue,
      effectiveOn: memberEvents.effectiveOn,
      countedOn: memberEvents.countedOn,
      approval: sql<ApprovalFacts | null>`${memberEvents.details}->'approval'`,
      reason: memberEvents.reason,
      recordedAt: memberEvents.recordedAt,
    })
    .from(memberEvents)
    .leftJoin(fromOrg, eq(fromOrg.id, memberEvents.orgId))
    .leftJoin(toOrg, eq(toOrg.id, memberEvents.toOrgId))
    .where(eq(memberEvents.memberId, memberId))
    .orderBy(asc(memberEvents.effectiveOn), asc(memberEvents.id));
}

export type MemberPatch = Partial<
  Pick<
    MemberRow,
    | 'orgId'
    | 'status'
    | 'leftReason'
    | 'category'
    | 'confirmedOn'
    | 'probationEndsOn'
    | 'isMobile'
    | 'outflowDestination'
    | 'isHardship'
    | 'lostContactOn'
    | 'transferLetterNo'
  >
>;

/** Saves a change at the version read, and moves the version on (409 `stale_version` otherwise: updateAtVersion). */
export async function updateMemberAtVersion(
  db: Db,
  id: number,
  version: number,
  patch: MemberPatch,
  at: Date,
): Promise<void> {
  await updateAtVersion(db, members, id, version, { ...patch, updatedAt: at });
}

export type PersonPatch = Partial<
  Omit<typeof persons.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>
>;

export async function updatePerson(db: Db, id: number, patch: PersonPatch, at: Date): Promise<void> {
  await db
    .update(persons)
    .set({ ...patch, version: sql`${persons.version} + 1`, updatedAt: at })
    .where(eq(persons.id, id));
}

/**
 * Records one event; the ledger counts it on the day it happened unless `countedOn` says otherwise, as the guard on
 * closed periods and arrivals books it (bookEvents: 409 when refused, or a correction counted today).
 */
export async function insertMemberEvent(
  tx: Pick<WorkCtx, 'db' | 'today'>,
  member: Pick<MemberRow, 'id' | 'enteredOn'>,
  values: Omit<typeof memberEvents.$inferInsert, 'countedOn' | 'memberId'> & { countedOn?: string },
): Promise<void> {
  const event = { ...values, memberId: member.id };
  const [booked] = await bookEvents(tx, [event], () => member.enteredOn);
  const { countedOn, details } = booked as BookedEvent;
  await tx.db.insert(memberEvents).values({ ...event, countedOn, details });
}
