import { addDays } from '../src/domain/shared/index.ts';
import type { Db } from '../src/server/db/client.ts';
import { committeeTerms, leadershipPosts, orgs } from '../src/server/db/tables/orgs.ts';
import { seededRandom } from '../src/server/seed/random.ts';

export type TreeShape = {
  districts: number;
  streets: number;
  communities: number;
  branches: number;
  groupShare: number;
};

/** About 40,000 orgs: 1 city, 12 districts, 120 streets, 1,800 communities, 32,400 branches, ~5,000 groups. */
export const CITY_SHAPE: TreeShape = {
  districts: 12,
  streets: 10,
  communities: 15,
  branches: 18,
  groupShare: 0.045,
};

type OrgRow = typeof orgs.$inferInsert;
type PostRow = typeof leadershipPosts.$inferInsert;
type TermRow = typeof committeeTerms.$inferInsert;

/**
 * Writes a deterministic synthetic org tree with ids assigned here (1…n) and leadership posts whose terms
 * spread across past, expiring and current, then moves the id sequence past them. Returns ids by level.
 */
export async function generateTree(db: Db, shape: TreeShape, today: string, seed = 42) {
  const rnd = seededRandom(seed);
  const orgRows: OrgRow[] = [];
  const postRows: PostRow[] = [];
  const termRows: TermRow[] = [];
  let nextId = 1;
  const add = (
    parent: OrgRow | null,
    name: string,
    kind: OrgRow['kind'],
    sector: OrgRow['sector'],
  ): OrgRow => {
    const id = nextId++;
    const row: OrgRow = {
      id,
      parentId: parent?.id ?? null,
      path: parent ? `${parent.path}.${id}` : String(id),
      name,
      kind,
      sector,
      code: `S${String(id).padStart(7, '0')}`,
      establishedOn: '2005-01-01',
    };
    orgRows.push(row);
    if (kind !== 'local_committee' && kind !== 'working_committee') {
      const startedOn = addDays(today, -rnd.int(30, 5 * 365 + 200));
      const post = kind === 'group' ? 'group_leader' : 'secretary';
      // The committee's term (届): its posts serve until its end; a 党小组长 has none.
      if (kind !== 'group')
        termRows.push({ orgId: id, electedOn: startedOn, endsOn: addDays(startedOn, 5 * 365) });
      if (!rnd.chance(0.04)) {
        postRows.push({ orgId: id, post, holderName: `书记${id}`, startedOn });
      }
      if (kind !== 'group') {
        postRows.push({ orgId: id, post: 'organizing_member', holderName: `委员${id}`, startedOn });
      }
    }
    return row;
  };
  const ids = { city: 0, districts: [] as number[], streets: [] as number[], communities: [] as number[] };
  const city = add(null, '合成市委', 'local_committee', 'government');
  ids.city = city.id as number;
  for (let d = 1; d <= shape.districts; d++) {
    const district = add(city, `第${d}区委`, 'local_committee', 'government');
    ids.districts.push(district.id as number);
    for (let s = 1; s <= shape.streets; s++) {
      const street = add(district, `第${d}区第${s}街道党工委`, 'working_committee', 'community');
      ids.streets.push(street.id as number);
      for (let c = 1; c <= shape.communities; c++) {
        const community = add(street, `第${d}区${s}街${c}号社区党委`, 'committee', 'community');
        ids.communities.push(community.id as number);
        for (let b = 1; b <= shape.branches; b++) {
          const branch = add(community, `第${d}区${s}街${c}号社区第${b}党支部`, 'branch', 'community');
          if (rnd.chance(shape.groupShare * 2)) {
            add(branch, `${branch.name}第1党小组`, 'group', 'community');
            add(branch, `${branch.name}第2党小组`, 'group', 'community');
          }
        }
      }
    }
  }
  for (let i = 0; i < orgRows.length; i += 2000) await db.insert(orgs).values(orgRows.slice(i, i + 2000));
  const termOf = new Map<number, number>();
  for (let i = 0; i < termRows.length; i += 2000) {
    const saved = await db
      .insert(committeeTerms)
      .values(termRows.slice(i, i + 2000))
      .returning({ id: committeeTerms.id, orgId: committeeTerms.orgId });
    for (const t of saved) termOf.set(t.orgId, t.id);
  }
  for (const p of postRows) p.termId = p.post === 'group_leader' ? null : (termOf.get(p.orgId) ?? null);
  for (let i = 0; i < postRows.length; i += 2000)
    await db.insert(leadershipPosts).values(postRows.slice(i, i + 2000));
  const { sql } = await import('drizzle-orm');
  await db.execute(sql`select setval(pg_get_serial_sequence('orgs', 'id'), ${nextId})`);
  await db.execute(sql`analyze`);
  return { ...ids, orgCount: orgRows.length, postCount: postRows.length };
}
