import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../src/server/db/client.ts';
import { createUser, insertOrg } from '../src/server/testing/fixtures.ts';
import type { CityOrgs, SessionPlan } from './load-plan.ts';

/** Empty branches the importer commits 5,000-row files into (each batch is undone after its run). */
export const COMMIT_BRANCHES = 4;

export type ImportTarget = {
  /** The community the dry runs are filed under; its branches are named in the file's rows. */
  readonly communityId: number;
  readonly branchNames: readonly string[];
  /** Branches with no members: a commit's rows all go to one of them. */
  readonly commitBranches: readonly { readonly id: number; readonly name: string }[];
};

/** The accounts of the plan, made once (as bench/roster.ts makes its users: fixtures, the fixture password). */
export async function ensureLoadAccounts(db: Db, sessions: readonly SessionPlan[]): Promise<void> {
  const rows = await queryRows<{ username: string }>(
    db,
    sql`select username from users where left(username, 5) = 'load_'`,
  );
  const existing = new Set(rows.map((r) => r.username));
  let created = 0;
  for (const s of sessions) {
    if (existing.has(s.username)) continue;
    await createUser(db, { username: s.username, orgId: s.orgId, roles: [{ role: s.accountRole }] });
    created++;
  }
  if (created > 0) console.log(`${created} load-run accounts created`);
}

/** The importer's first community, its branches, and the empty branches to commit into (made once). */
export async function findImportTarget(
  db: Db,
  sessions: readonly SessionPlan[],
  orgs: CityOrgs,
): Promise<ImportTarget> {
  const importer = sessions.find((s) => s.role === 'importer');
  if (!importer) throw new Error('the plan has no importer');
  const communityId = Math.min(...(orgs.childrenOf.get(importer.orgId) ?? []));
  const [community] = await queryRows<{ id: number; path: string; name: string }>(
    db,
    sql`select id, path::text as path, name from orgs where id = ${communityId}`,
  );
  if (!community) throw new Error(`street ${importer.orgId} has no community`);
  const branches = await queryRows<{ name: string }>(
    db,
    sql`select name from orgs where parent_id = ${communityId} and kind = 'branch'
        and name not like '%负载导入%' order by id`,
  );
  const commitBranches = [];
  for (let k = 1; k <= COMMIT_BRANCHES; k++) {
    commitBranches.push(await emptyBranch(db, community, `${community.name}负载导入第${k}党支部`));
  }
  return { communityId, branchNames: branches.map((b) => b.name), commitBranches };
}

async function emptyBranch(db: Db, parent: { id: number; path: string; name: string }, name: string) {
  const [found] = await queryRows<{ id: number; members: number }>(
    db,
    sql`select o.id, (select count(*)::int from members m where m.org_id = o.id) as members
        from orgs o where o.parent_id = ${parent.id} and o.name = ${name}`,
  );
  if (found && found.members > 0) {
    throw new Error(
      `${name} holds ${found.members} members of an earlier run whose import was not undone: ` +
        'run once without BENCH_REUSE=1 to generate the city again',
    );
  }
  if (found) return { id: found.id, name };
  const org = await insertOrg(db, { ...parent, kind: 'committee' }, name, 'branch', 'community');
  return { id: org.id, name };
}
