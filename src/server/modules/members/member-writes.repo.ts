import { eq, inArray, sql } from 'drizzle-orm';
import type { WorkCtx } from '../../context.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { orgs } from '../../db/tables/orgs.ts';
import { members, persons } from '../../db/tables/people.ts';
import { bookEvents } from './event-booking.ts';

/**
 * Bulk inserts for new members: one JSON parameter per statement, unpacked by json_to_recordset, instead of a
 * bind parameter per value (tens of thousands of parameters make PGlite's wire handling the bottleneck). Ids
 * are drawn from the identity sequences first, so that rows are tied together by id, not by the order of a
 * RETURNING list.
 */
export type PersonInsert = {
  id: number;
  name: string;
  name_pinyin: string;
  name_initials: string;
  gender: string;
  ethnicity: string | null;
  birth_date: string | null;
  id_number_enc: string | null;
  id_number_hash: string | null;
  id_number_legacy: boolean;
  education: string | null;
  work_post: string | null;
  phone_mobile: string | null;
  phone_landline: string | null;
  address: string | null;
};

export type MemberInsert = {
  id: number;
  person_id: number;
  org_id: number;
  status: string;
  category: string;
  admitted_on: string;
  confirmed_on: string | null;
  probation_ends_on: string | null;
  is_mobile: boolean;
  outflow_destination: string | null;
  is_hardship: boolean;
  lost_contact_on: string | null;
  import_batch_id: number | null;
  left_reason: string | null;
  transfer_letter_no: string | null;
  entered_on: string;
  entered_by: string;
};

export type EventInsert = {
  member_id: number;
  kind: string;
  org_id: number;
  from_value: string | null;
  to_value: string | null;
  effective_on: string;
  /** The ledger date (member_events.counted_on); the day it happened when not given. */
  counted_on?: string;
  reason: string | null;
  details: Record<string, unknown>;
  import_batch_id: number | null;
  actor_id: number | null;
};

/** `count` fresh ids of a table's identity column, in one round trip (the sequence resolved once, not per row). */
export async function nextIds(db: Db, table: 'persons' | 'members', count: number): Promise<number[]> {
  if (count === 0) return [];
  const [row] = await queryRows<{ ids: string }>(
    db,
    sql`with seq as (select pg_get_serial_sequence(${table}, 'id')::regclass as id)
        select string_agg(nextval((select id from seq))::text, ',') as ids from generate_series(1, ${count})`,
  );
  return (row as { ids: string }).ids.split(',').map(Number);
}

export async function insertPersonRows(db: Db, rows: readonly PersonInsert[]): Promise<void> {
  await db.execute(sql`
    insert into persons (id, name, name_pinyin, name_initials, gender, ethnicity, birth_date, id_number_enc,
      id_number_hash, id_number_legacy, education, work_post, phone_mobile, phone_landline, address)
    overriding system value
    select * from json_to_recordset(${JSON.stringify(rows)}::json) as x(id int, name text, name_pinyin text,
      name_initials text, gender gender, ethnicity text, birth_date date, id_number_enc text, id_number_hash text,
      id_number_legacy boolean, education text, work_post text, phone_mobile text, phone_landline text,
      address text)`);
}

export async function insertMemberRowsJson(db: Db, rows: readonly MemberInsert[]): Promise<void> {
  await db.execute(sql`
    insert into members (id, person_id, org_id, status, category, admitted_on, confirmed_on, probation_ends_on,
      is_mobile, outflow_destination, is_hardship, lost_contact_on, import_batch_id, left_reason, transfer_letter_no,
      entered_on, entered_by)
    overriding system value
    select * from json_to_recordset(${JSON.stringify(rows)}::json) as x(id int, person_id int, org_id int,
      status text, category member_category, admitted_on date, confirmed_on date,
      probation_ends_on date, is_mobile boolean, outflow_destination text, is_hardship boolean,
      lost_contact_on date, import_batch_id int, left_reason text, transfer_letter_no text, entered_on date,
      entered_by text)`);
}

/**
 * The history rows of new members, each booked first by the guard on closed periods and arrivals (bookEvents: 409
 * when refused, or a correction counted today); `enteredOn` tells each new member's day of arrival.
 */
export async function insertEventRows(
  tx: Pick<WorkCtx, 'db' | 'today'>,
  events: readonly EventInsert[],
  enteredOn: (memberId: number) => string | null,
): Promise<void> {
  const booked = await bookEvents(
    tx,
    events.map((e) => ({
      memberId: e.member_id,
      effectiveOn: e.effective_on,
      countedOn: e.counted_on,
      details: e.details,
    })),
    enteredOn,
  );
  const rows = events.map((e, i) => ({
    ...e,
    counted_on: booked[i]?.countedOn,
    details: booked[i]?.details,
  }));
  await tx.db.execute(sql`
    insert into member_events (member_id, kind, org_id, from_value, to_value, effective_on, counted_on, reason,
      details, import_batch_id, actor_id)
    select member_id, kind, org_id, from_value, to_value, effective_on, coalesce(counted_on, effective_on), reason,
      details, import_batch_id, actor_id
    from json_to_recordset(${JSON.stringify(rows)}::json) as x(member_id int, kind text, org_id int,
      from_value text, to_value text, effective_on date, counted_on date, reason text, details jsonb,
      import_batch_id int, actor_id int)`);
}

/** The persons holding any of these keyed hashes of ID numbers, with the path of their member's org if any. */
export async function findPersonsByIdHashes(db: Db, hashes: readonly string[]) {
  return db
    .select({ hash: persons.idNumberHash, personId: persons.id, orgPath: orgs.path })
    .from(persons)
    .leftJoin(members, eq(members.personId, persons.id))
    .leftJoin(orgs, eq(orgs.id, members.orgId))
    .where(inArray(persons.idNumberHash, hashes));
}
