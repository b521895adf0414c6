import { type SQL, sql } from 'drizzle-orm';
import type { StatKey, StatsMember, StatVector } from '../../../domain/membership/index.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { COUNTED, countEveryKey, ON_ROSTER, STAT_COLUMNS } from './stat-sql.ts';

const META_KEY = 'ages';

/** The day the age columns are counted as of, share-locked so that a shift cannot run under a write. */
export async function ageAsOfForWrite(tx: Db, today: string): Promise<string> {
  await tx.execute(
    sql`insert into stats_meta (key, age_as_of) values (${META_KEY}, ${today}) on conflict do nothing`,
  );
  const [row] = await queryRows<{ age_as_of: string }>(
    tx,
    sql`select age_as_of::text as age_as_of from stats_meta where key = ${META_KEY} for share`,
  );
  return (row as { age_as_of: string }).age_as_of;
}

/** The day as of which ages are counted, without locking: most reads find it current and stop there. */
export async function readAgeAsOf(db: Db): Promise<string | null> {
  const [row] = await queryRows<{ age_as_of: string }>(
    db,
    sql`select age_as_of::text as age_as_of from stats_meta where key = ${META_KEY}`,
  );
  return row?.age_as_of ?? null;
}

/** The same day, locked for the shift that brings it forward. Null on a database that never counted. */
export async function ageAsOfForShift(tx: Db): Promise<string | null> {
  const [row] = await queryRows<{ age_as_of: string }>(
    tx,
    sql`select age_as_of::text as age_as_of from stats_meta where key = ${META_KEY} for update`,
  );
  return row?.age_as_of ?? null;
}

/** Locks the age date for a full recount, creating it when the database never counted. */
export async function lockAgesForRecount(tx: Db, today: string): Promise<void> {
  await tx.execute(
    sql`insert into stats_meta (key, age_as_of) values (${META_KEY}, ${today}) on conflict do nothing`,
  );
  await tx.execute(sql`select 1 from stats_meta where key = ${META_KEY} for update`);
}

export async function setAgeAsOf(tx: Db, day: string): Promise<void> {
  await tx.execute(
    sql`insert into stats_meta (key, age_as_of) values (${META_KEY}, ${day})
        on conflict (key) do update set age_as_of = excluded.age_as_of`,
  );
}

/** Adds a vector to one org's row: `count = count + delta` for the keys it has. */
export async function addToOrgStats(tx: Db, orgId: number, delta: StatVector): Promise<void> {
  const keys = Object.keys(delta) as StatKey[];
  if (keys.length === 0) return;
  const columns = sql.join(
    keys.map((k) => sql.identifier(k)),
    sql`, `,
  );
  const values = sql.join(
    keys.map((k) => sql`${delta[k] ?? 0}`),
    sql`, `,
  );
  const updates: SQL[] = keys.map(
    (k) => sql`${sql.identifier(k)} = org_stats.${sql.identifier(k)} + excluded.${sql.identifier(k)}`,
  );
  await tx.execute(
    sql`insert into org_stats (org_id, ${columns}) values (${orgId}, ${values})
        on conflict (org_id) do update set ${sql.join(updates, sql`, `)}`,
  );
}

type MemberRow = {
  id: number;
  org_id: number;
  status: StatsMember['status'];
  gender: StatsMember['gender'];
  ethnicity: string | null;
  birth_date: string | null;
  education: string | null;
  work_post: string | null;
  admitted_on: string;
  category: StatsMember['category'];
  is_mobile: boolean;
  is_hardship: boolean;
};

const MEMBER_COLUMNS = sql`m.id, m.org_id, m.status, p.gender, p.ethnicity, p.birth_date::text as birth_date,
  p.education, p.work_post, m.admitted_on::text as admitted_on, m.category, m.is_mobile, m.is_hardship`;

function toStatsMember(r: MemberRow): StatsMember {
  return {
    orgId: r.org_id,
    status: r.status,
    gender: r.gender,
    ethnicity: r.ethnicity,
    birthDate: r.birth_date,
    education: r.education,
    workPost: r.work_post,
    admittedOn: r.admitted_on,
    category: r.category,
    isMobile: r.is_mobile,
    isHardship: r.is_hardship,
  };
}

/** Members counted in 党员总数 born on one of these dates: the only ones with an age band. */
export async function rosterMembersBornOn(tx: Db, dates: readonly string[]): Promise<StatsMember[]> {
  if (dates.length === 0) return [];
  const list = sql.join(
    dates.map((d) => sql`${d}::date`),
    sql`, `,
  );
  const rows = await queryRows<MemberRow>(
    tx,
    sql`select ${MEMBER_COLUMNS} from members m join persons p on p.id = m.person_id
        where p.birth_date in (${list}) and ${COUNTED}`,
  );
  return rows.map(toStatsMember);
}

/**
 * Recounts every org from the roster in one statement (the counting rules as SQL, see stat-sql.ts), as of
 * `asOf`. The caller holds the age-date lock, so no writer adds a delta in between.
 */
export async function recountOrgStats(tx: Db, asOf: string): Promise<void> {
  await tx.execute(sql`delete from org_stats`);
  await tx.execute(
    sql`insert into org_stats (org_id, ${STAT_COLUMNS})
        select m.org_id, ${countEveryKey(asOf)}
        from members m join persons p on p.id = m.person_id
        where ${ON_ROSTER}
        group by m.org_id`,
  );
}
