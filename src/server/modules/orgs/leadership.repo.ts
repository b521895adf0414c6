import { and, asc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { pathInScope, type Scope } from '../../db/scope.ts';
import { leadershipPosts, orgs } from '../../db/tables/orgs.ts';
import { updateAtVersion } from '../../db/versioned.ts';

export type PostRow = typeof leadershipPosts.$inferSelect;

/**
 * Every post of these orgs, current and past, in the order they began. The ids travel as one array
 * parameter, so that tens of thousands of them (the findings of a large subtree) cost one round trip.
 */
export async function listPostsOfOrgs(db: Db, orgIds: readonly number[]): Promise<PostRow[]> {
  if (orgIds.length === 0) return [];
  return db
    .select()
    .from(leadershipPosts)
    .where(sql`${leadershipPosts.orgId} = any(${sql.param([...orgIds])}::int[])`)
    .orderBy(asc(leadershipPosts.startedOn), asc(leadershipPosts.id));
}

/** The facts of the posts of these orgs that the rules need (PostTenure), and nothing else. */
export async function listTenuresOfOrgs(db: Db, orgIds: readonly number[]) {
  if (orgIds.length === 0) return [];
  return db
    .select({
      orgId: leadershipPosts.orgId,
      post: leadershipPosts.post,
      startedOn: leadershipPosts.startedOn,
      endsOn: leadershipPosts.endsOn,
      leftOn: leadershipPosts.leftOn,
    })
    .from(leadershipPosts)
    .where(sql`${leadershipPosts.orgId} = any(${sql.param([...orgIds])}::int[])`);
}

/** The post and the org it belongs to, if that org lies in the scope; `lock` locks both rows. */
export async function findPostInScope(db: Db, scope: Scope, id: number, lock = false) {
  const query = db
    .select({
      post: leadershipPosts,
      org: {
        id: orgs.id,
        path: orgs.path,
        kind: orgs.kind,
        sector: orgs.sector,
        dissolvedOn: orgs.dissolvedOn,
      },
    })
    .from(leadershipPosts)
    .innerJoin(orgs, eq(orgs.id, leadershipPosts.orgId))
    .where(and(eq(leadershipPosts.id, id), pathInScope(scope, orgs.path)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function insertPost(db: Db, values: typeof leadershipPosts.$inferInsert): Promise<PostRow> {
  const [row] = await db.insert(leadershipPosts).values(values).returning();
  return row as PostRow;
}

/** Saves a change at the version the client read (409 `stale_version` otherwise: updateAtVersion). */
export async function updatePostAtVersion(
  db: Db,
  id: number,
  version: number,
  set: Partial<typeof leadershipPosts.$inferInsert>,
): Promise<PostRow> {
  return updateAtVersion(db, leadershipPosts, id, version, set);
}

/**
 * Ends on `leftOn` every post of the org still held then (not left, or left later). A post that would
 * only have begun after that day ends on its first day, so that no tenure ends before it starts.
 */
export async function endPostsHeldOn(
  db: Db,
  orgId: number,
  leftOn: string,
  leftReason: string,
): Promise<PostRow[]> {
  return db
    .update(leadershipPosts)
    .set({
      leftOn: sql`greatest(${leadershipPosts.startedOn}, ${leftOn}::date)`,
      leftReason,
      version: sql`${leadershipPosts.version} + 1`,
    })
    .where(
      and(
        eq(leadershipPosts.orgId, orgId),
        or(isNull(leadershipPosts.leftOn), gt(leadershipPosts.leftOn, leftOn)),
      ),
    )
    .returning();
}
