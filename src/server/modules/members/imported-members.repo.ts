import { and, eq, inArray, sql } from 'drizzle-orm';
import type { StatsMember } from '../../../domain/membership/index.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { memberEvents, members, persons } from '../../db/tables/people.ts';
import { everTransferred } from '../../db/transfer-refs.ts';

/**
 * How many of the batch's members changed after their registration: any history beyond the `registered`
 * event, an edited record (version > 1), or a transfer.
 */
export async function countChangedMembers(db: Db, batchId: number): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from members m
        where m.import_batch_id = ${batchId}
          and (m.version > 1
            or exists (select 1 from member_events e where e.member_id = m.id and e.kind <> 'registered')
            or (select count(*) from member_events e where e.member_id = m.id) > 1
            or ${everTransferred(sql`m.id`)})`,
  );
  return row?.n ?? 0;
}

export type BatchMember = StatsMember & { readonly id: number; readonly personId: number };

/** The batch's members, locked, as the rollup counts them. */
export async function lockBatchMembers(db: Db, batchId: number): Promise<BatchMember[]> {
  return db
    .select({
      id: members.id,
      personId: members.personId,
      orgId: members.orgId,
      status: members.status,
      gender: persons.gender,
      ethnicity: persons.ethnicity,
      birthDate: persons.birthDate,
      education: persons.education,
      workPost: persons.workPost,
      admittedOn: members.admittedOn,
      category: members.category,
      isMobile: members.isMobile,
      isHardship: members.isHardship,
    })
    .from(members)
    .innerJoin(persons, eq(persons.id, members.personId))
    .where(eq(members.importBatchId, batchId))
    .orderBy(members.id)
    .for('update', { of: members });
}

const CHUNK = 5000;

/**
 * Removes the members, their history, and their persons unless something else still refers to them: another
 * member row, or a user account (the foreign key users.person_id — a `member` account linked to the person keeps
 * it). Answers how many persons went.
 */
export async function deleteBatchMembers(
  db: Db,
  batchId: number,
  list: readonly BatchMember[],
): Promise<number> {
  let removedPersons = 0;
  for (let i = 0; i < list.length; i += CHUNK) {
    const part = list.slice(i, i + CHUNK);
    const memberIds = part.map((m) => m.id);
    await db.delete(memberEvents).where(inArray(memberEvents.memberId, memberIds));
    await db.delete(members).where(and(eq(members.importBatchId, batchId), inArray(members.id, memberIds)));
    const personIds = part.map((m) => m.personId);
    const removed = await db
      .delete(persons)
      .where(
        and(
          inArray(persons.id, personIds),
          sql`not exists (select 1 from members o where o.person_id = ${persons.id})`,
          sql`not exists (select 1 from users u where u.person_id = ${persons.id})`,
        ),
      )
      .returning({ id: persons.id });
    removedPersons += removed.length;
  }
  return removedPersons;
}
