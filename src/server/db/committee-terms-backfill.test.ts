import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, queryRows } from './client.ts';
import { MIGRATIONS_FOLDER, migrate } from './migrate.ts';

/**
 * Migration 0015 turns the per-person terms of existing data into committee terms (docs/organizations.md §7):
 * a database migrated up to 0014 with posts in the old shape, then brought to the latest migration. Runs on an
 * in-memory PGlite of its own, whatever the test database.
 */
let database: Database;
let folder: string;

async function migrateUpTo(db: Database, lastIdx: number): Promise<void> {
  folder = await mkdtemp(join(tmpdir(), 'jiceng-migrations-'));
  await cp(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalFile = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(await readFile(journalFile, 'utf8')) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((e) => e.idx <= lastIdx);
  await writeFile(journalFile, JSON.stringify(journal));
  const { migrate: migratePglite } = await import('drizzle-orm/pglite/migrator');
  // biome-ignore lint/suspicious/noExplicitAny: the migrator wants the driver-specific type
  await migratePglite(db.db as any, { migrationsFolder: folder });
}

beforeAll(async () => {
  database = await openDatabase({ kind: 'pglite' });
  await migrateUpTo(database, 14);
  const { db } = database;
  await db.execute(sql`insert into orgs (id, path, name, kind, sector) values
    (1, '1', '某市委', 'local_committee', 'government'),
    (2, '1.2', '某街道党工委', 'working_committee', 'government'),
    (3, '1.2.3', '某社区党支部', 'branch', 'community'),
    (4, '1.2.3.4', '某党小组', 'group', 'community')`);
  await db.execute(sql`insert into leadership_posts
      (org_id, post, holder_name, started_on, ends_on, extension_doc_no, left_on, left_reason) values
    (3, 'secretary', '现任书记', '2023-01-01', '2028-01-01', null, null, null),
    (3, 'organizing_member', '老组织委员', '2020-01-01', '2023-01-01', null, null, null),
    (3, 'committee_member', '补选委员', '2025-01-01', '2030-01-01', null, null, null),
    (3, 'secretary', '前任书记', '2017-01-01', '2023-01-01', '某组〔2022〕1号', '2022-12-31', '调离'),
    (4, 'group_leader', '组长', '2023-01-01', '2028-01-01', null, null, null),
    (2, 'secretary', '党工委书记', '2023-01-01', '2028-01-01', null, null, null)`);
  await migrate(database);
});
afterAll(async () => {
  await database?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('migration 0015: per-person terms become committee terms', () => {
  it('makes the posts held today one current term, ending with the sitting secretary’s', async () => {
    const terms = await queryRows<{
      org_id: number;
      elected_on: string;
      ends_on: string;
      ended_on: string | null;
      approval_doc_no: string | null;
    }>(
      database.db,
      sql`select org_id, elected_on::text, ends_on::text, ended_on::text, approval_doc_no
          from committee_terms order by org_id, elected_on`,
    );
    expect(terms).toEqual([
      {
        org_id: 3,
        elected_on: '2017-01-01',
        ends_on: '2023-01-01',
        ended_on: '2022-12-31',
        approval_doc_no: '某组〔2022〕1号',
      },
      { org_id: 3, elected_on: '2023-01-01', ends_on: '2028-01-01', ended_on: null, approval_doc_no: null },
    ]);
  });

  it('puts the stale 组织委员 and the by-elected member in the current term; the former secretary in the old one', async () => {
    const posts = await queryRows<{ holder_name: string; ends_on: string | null }>(
      database.db,
      sql`select p.holder_name, t.ends_on::text as ends_on
          from leadership_posts p left join committee_terms t on t.id = p.term_id order by p.id`,
    );
    expect(posts).toEqual([
      { holder_name: '现任书记', ends_on: '2028-01-01' },
      { holder_name: '老组织委员', ends_on: '2028-01-01' },
      { holder_name: '补选委员', ends_on: '2028-01-01' },
      { holder_name: '前任书记', ends_on: '2023-01-01' },
      // A 党小组长 and an appointed 党工委 have no term.
      { holder_name: '组长', ends_on: null },
      { holder_name: '党工委书记', ends_on: null },
    ]);
  });

  it('drops the per-person columns', async () => {
    const columns = await queryRows<{ column_name: string }>(
      database.db,
      sql`select column_name from information_schema.columns
          where table_name = 'leadership_posts' and column_name in ('ends_on', 'extension_doc_no')`,
    );
    expect(columns).toEqual([]);
  });
});
