import { and, desc, eq, getTableColumns, inArray, type SQL, sql } from 'drizzle-orm';
import type { MeetingKind, MeetingStatus } from '../../../domain/org-life/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { pathInScope, type Scope } from '../../db/scope.ts';
import { meetingAttachments, meetings, meetingVotes } from '../../db/tables/meetings.ts';
import { orgs } from '../../db/tables/orgs.ts';
import { updateAtVersion } from '../../db/versioned.ts';

export type MeetingRow = typeof meetings.$inferSelect;
export type MeetingRecord = MeetingRow & {
  readonly kinds: MeetingKind[];
  readonly status: MeetingStatus;
  readonly orgPath: string;
  readonly orgName: string;
  readonly orgKind: (typeof orgs.$inferSelect)['kind'];
};

/** The deployment's calendar: the day of a meeting is taken there (tables/meetings.ts, `held_on`). */
export const MEETING_TIME_ZONE = 'Asia/Shanghai';

const recordColumns = {
  ...getTableColumns(meetings),
  orgPath: orgs.path,
  orgName: orgs.name,
  orgKind: orgs.kind,
};

/** A meeting if its org lies in the scope; locked for update when asked (a change's transaction). */
export async function findMeetingInScope(
  db: Db,
  scope: Scope,
  id: number,
  lock = false,
): Promise<MeetingRecord | undefined> {
  const query = db
    .select(recordColumns)
    .from(meetings)
    .innerJoin(orgs, eq(orgs.id, meetings.orgId))
    .where(and(eq(meetings.id, id), pathInScope(scope, orgs.path)));
  const [row] = lock ? await query.for('update', { of: [meetings] }) : await query;
  return row as MeetingRecord | undefined;
}

/** A meeting by id, whatever the scope (a member's own meeting, found through their attendance). */
export async function findMeeting(db: Db, id: number, lock = false): Promise<MeetingRecord | undefined> {
  const query = db
    .select(recordColumns)
    .from(meetings)
    .innerJoin(orgs, eq(orgs.id, meetings.orgId))
    .where(eq(meetings.id, id));
  const [row] = lock ? await query.for('update', { of: [meetings] }) : await query;
  return row as MeetingRecord | undefined;
}

/** The day a meeting is dated by: the day held once held, the planned day before. */
export const meetingDay = sql`coalesce(${meetings.heldOn}, (${meetings.plannedStart} at time zone ${sql.raw(`'${MEETING_TIME_ZONE}'`)})::date)`;

export type MeetingFilter = {
  readonly scope: Scope;
  readonly within: Scope | null;
  readonly from?: IsoDate | undefined;
  readonly to?: IsoDate | undefined;
  readonly kind?: MeetingKind | undefined;
  readonly status?: MeetingStatus | undefined;
  readonly limit: number;
  readonly offset: number;
};

export async function listMeetingRecords(db: Db, f: MeetingFilter) {
  const where: SQL[] = [pathInScope(f.scope, orgs.path)];
  if (f.within) where.push(pathInScope(f.within, orgs.path));
  if (f.from) where.push(sql`${meetingDay} >= ${f.from}::date`);
  if (f.to) where.push(sql`${meetingDay} <= ${f.to}::date`);
  if (f.kind) where.push(sql`${f.kind} = any(${meetings.kinds})`);
  if (f.status) where.push(eq(meetings.status, f.status));
  const condition = and(...where);
  const rows = await db
    .select(recordColumns)
    .from(meetings)
    .innerJoin(orgs, eq(orgs.id, meetings.orgId))
    .where(condition)
    .orderBy(desc(meetingDay), desc(meetings.id))
    .limit(f.limit)
    .offset(f.offset);
  const [count] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(meetings)
    .innerJoin(orgs, eq(orgs.id, meetings.orgId))
    .where(condition);
  return { rows: rows as MeetingRecord[], total: Number(count?.total ?? 0) };
}

export async function insertMeeting(db: Db, values: typeof meetings.$inferInsert): Promise<number> {
  const [row] = await db.insert(meetings).values(values).returning({ id: meetings.id });
  return (row as { id: number }).id;
}

export async function updateMeetingAtVersion(
  db: Db,
  id: number,
  version: number,
  values: Partial<typeof meetings.$inferInsert>,
  at: Date,
) {
  return updateAtVersion(db, meetings, id, version, { ...values, updatedAt: at });
}

export async function deleteMeetingRow(db: Db, id: number): Promise<void> {
  await db.delete(meetings).where(eq(meetings.id, id));
}

/** How many attachments and votes each meeting has. */
export async function countsOf(db: Db, ids: readonly number[]) {
  const result = new Map<number, { attachments: number; votes: number }>();
  if (ids.length === 0) return result;
  const a = await db
    .select({ id: meetingAttachments.meetingId, n: sql<number>`count(*)::int` })
    .from(meetingAttachments)
    .where(inArray(meetingAttachments.meetingId, [...ids]))
    .groupBy(meetingAttachments.meetingId);
  const v = await db
    .select({ id: meetingVotes.meetingId, n: sql<number>`count(*)::int` })
    .from(meetingVotes)
    .where(inArray(meetingVotes.meetingId, [...ids]))
    .groupBy(meetingVotes.meetingId);
  for (const id of ids) result.set(id, { attachments: 0, votes: 0 });
  for (const r of a) (result.get(r.id) as { attachments: number }).attachments = Number(r.n);
  for (const r of v) (result.get(r.id) as { votes: number }).votes = Number(r.n);
  return result;
}

/** The ids of the org and every org below it (its 党小组): whose members a meeting of it expects. */
export async function subtreeOrgIds(db: Db, path: string): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(db, sql`select id from orgs where path <@ ${path}::ltree`);
  return rows.map((r) => Number(r.id));
}

/** The names holding the org's committee posts (not a 党小组长) on the day: who a 支委会 expects. */
export async function committeeNamesOn(db: Db, orgId: number, day: IsoDate): Promise<Set<string>> {
  const rows = await queryRows<{ holder_name: string }>(
    db,
    sql`select holder_name from leadership_posts
         where org_id = ${orgId} and post <> 'group_leader'
           and started_on <= ${day}::date and (left_on is null or left_on > ${day}::date)`,
  );
  return new Set(rows.map((r) => r.holder_name.trim()));
}

/** The name holding the org's head post (书记, or 党小组长 of a group) on the day, if any. */
export async function headNameOn(
  db: Db,
  orgId: number,
  post: string,
  day: IsoDate,
): Promise<string | undefined> {
  const [row] = await queryRows<{ holder_name: string }>(
    db,
    sql`select holder_name from leadership_posts
         where org_id = ${orgId} and post = ${post}
           and started_on <= ${day}::date and (left_on is null or left_on > ${day}::date)
         order by started_on desc limit 1`,
  );
  return row?.holder_name.trim();
}

/** These meetings by id (a member's own), whatever the scope. */
export async function findMeetingsByIds(db: Db, ids: readonly number[]): Promise<Map<number, MeetingRecord>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select(recordColumns)
    .from(meetings)
    .innerJoin(orgs, eq(orgs.id, meetings.orgId))
    .where(inArray(meetings.id, [...ids]));
  return new Map((rows as MeetingRecord[]).map((m) => [m.id, m]));
}
