import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminQuery, withDatabase } from '../testing/template.ts';
import { type Database, openDatabase, queryRows } from './client.ts';
import { MIGRATIONS_FOLDER } from './migrate.ts';

/**
 * Migration 0017 on a database that already holds members (docs/membership.md §1, §5): 出党 with the reason 死亡
 * becomes the death of its own (status `deceased`, history row `died`), and the rollup is recounted with
 * 停止党籍 members outside 党员总数. The database is migrated up to 0016, given data in the old shapes, then
 * migrated through 0017. PGlite, or PostgreSQL when DATABASE_URL is set.
 */
const UP_TO_0017 = 17;
let dir: string;
let database: Database;
let pgName: string | null = null;

/** A copy of the migrations folder whose journal stops after migration `last`. */
async function foldersUpTo(last: number): Promise<string> {
  const folder = path.join(dir, `upto-${last}`);
  await cp(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(await readFile(journalFile, 'utf8')) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((e) => e.idx <= last);
  await writeFile(journalFile, JSON.stringify(journal));
  return folder;
}

async function migrateTo(last: number): Promise<void> {
  const config = { migrationsFolder: await foldersUpTo(last) };
  // biome-ignore lint/suspicious/noExplicitAny: the migrator wants the driver-specific type
  if (database.kind === 'pglite') await migratePglite(database.db as any, config);
  // biome-ignore lint/suspicious/noExplicitAny: the migrator wants the driver-specific type
  else await migrateNodePg(database.db as any, config);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'jiceng-migration-'));
  const url = process.env.DATABASE_URL;
  if (url) {
    pgName = `jiceng_mig_${process.pid}`;
    await adminQuery(url, `DROP DATABASE IF EXISTS ${pgName}`);
    await adminQuery(url, `CREATE DATABASE ${pgName}`);
    database = await openDatabase({ kind: 'postgres', url: withDatabase(url, pgName), poolSize: 2 });
  } else {
    database = await openDatabase({ kind: 'pglite' });
  }
  await migrateTo(UP_TO_0017 - 1);
  const { db } = database;
  await db.execute(sql`insert into orgs (id, path, name, kind, sector) overriding system value
    values (1, '1', '测试市委', 'local_committee', 'government'), (2, '1.2', '第一党支部', 'branch', 'community')`);
  await db.execute(sql`insert into persons (id, name, name_pinyin, name_initials, gender, birth_date, ethnicity, education, work_post)
    overriding system value values
      (1, '甲', 'jia', 'j', 'male', '1950-01-01', '01', '21', '502'),
      (2, '乙', 'yi', 'y', 'female', '1980-01-01', '02', '22', '0212'),
      (3, '丙', 'bing', 'b', 'male', '1990-01-01', '01', '21', '0212'),
      (4, '丁', 'ding', 'd', 'male', '1985-01-01', '01', '21', '0212')`);
  await db.execute(sql`insert into members (id, person_id, org_id, status, left_reason, category, admitted_on, confirmed_on)
    overriding system value values
      (1, 1, 2, 'left', 'deceased', 'retired', '1975-01-01', '1976-01-01'),
      (2, 2, 2, 'suspended', null, 'employed', '2005-01-01', '2006-01-01'),
      (3, 3, 2, 'full', null, 'employed', '2015-01-01', '2016-01-01'),
      (4, 4, 2, 'left', 'withdrawn', 'employed', '2010-01-01', '2011-01-01')`);
  await db.execute(sql`insert into member_events (member_id, kind, org_id, from_value, to_value, effective_on, details) values
      (1, 'registered', 2, null, 'full', '1975-01-01', '{}'),
      (1, 'left', 2, 'full', 'left', '2026-03-01', '{"leftReason": "deceased"}'),
      (4, 'left', 2, 'full', 'left', '2026-04-01', '{"leftReason": "withdrawn"}')`);
  // The rollup as the old definition kept it: the 停止党籍 member inside the total and every dimension.
  await db.execute(sql`insert into stats_meta (key, age_as_of) values ('ages', '2026-06-15')`);
  await db.execute(sql`insert into org_stats (org_id, member_count, status_full, status_suspended, gender_male, gender_female)
    values (2, 2, 1, 1, 1, 1)`);
  await migrateTo(UP_TO_0017);
});

afterAll(async () => {
  await database?.close();
  if (pgName && process.env.DATABASE_URL) {
    await adminQuery(process.env.DATABASE_URL, `DROP DATABASE IF EXISTS ${pgName} WITH (FORCE)`);
  }
  await rm(dir, { recursive: true, force: true });
});

describe('migration 0017: one count, and death apart from 出党', () => {
  it('turns 出党 (死亡) into a death, and leaves the other 出党 as they were', async () => {
    const members = await queryRows<{ id: number; status: string; left_reason: string | null }>(
      database.db,
      sql`select id, status, left_reason from members order by id`,
    );
    expect(members.map((m) => [Number(m.id), m.status, m.left_reason])).toEqual([
      [1, 'deceased', null],
      [2, 'suspended', null],
      [3, 'full', null],
      [4, 'left', 'withdrawn'],
    ]);
    const events = await queryRows<{ member_id: number; kind: string; to_value: string; details: unknown }>(
      database.db,
      sql`select member_id, kind, to_value, details from member_events order by id`,
    );
    expect(events.map((e) => [Number(e.member_id), e.kind, e.to_value, e.details])).toEqual([
      [1, 'registered', 'full', {}],
      [1, 'died', 'deceased', {}],
      [4, 'left', 'left', { leftReason: 'withdrawn' }],
    ]);
  });

  it('recounts the rollup: 停止党籍 outside 党员总数 and every dimension, as its own figure', async () => {
    const [row] = await queryRows<Record<string, number>>(
      database.db,
      sql`select member_count, status_full, status_suspended, gender_male, gender_female, ethnicity_han,
            ethnicity_minority, education_undergraduate, age_31_35, age_36_40, admitted_since_18th_congress
          from org_stats where org_id = 2`,
    );
    expect(row).toEqual({
      member_count: 1,
      status_full: 1,
      status_suspended: 1,
      gender_male: 1,
      gender_female: 0,
      ethnicity_han: 1,
      ethnicity_minority: 0,
      education_undergraduate: 1,
      // Born 1990-01-01: 36 on 2026-06-15, the day the ages were counted as of.
      age_31_35: 0,
      age_36_40: 1,
      admitted_since_18th_congress: 1,
    });
    const logged = await queryRows<{ n: number }>(
      database.db,
      sql`select count(distinct org_id)::int as n from org_stats_changes`,
    );
    expect(Number(logged[0]?.n)).toBe(2);
  });

  it('refuses an unknown status or 出党 category from now on', async () => {
    await expect(database.db.execute(sql`update members set status = 'gone' where id = 3`)).rejects.toThrow();
    await expect(
      database.db.execute(sql`update members set left_reason = 'deceased' where id = 4`),
    ).rejects.toThrow();
  });
});
