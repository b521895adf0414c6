import { and, asc, eq, gt, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { pathInScope, type Scope } from '../../db/scope.ts';
import { committeeTerms, leadershipPosts, orgs } from '../../db/tables/orgs.ts';
import { updateAtVersion } from '../../db/versioned.ts';

export type PostRow = typeof leadershipPosts.$inferSelect;
/** A post with the end of its committee's term (null without a term). */
export type PostWithTerm = PostRow & { termEndsOn: string | null };
export type TermRow = typeof committeeTerms.$inferSelect;

/**
 * Every post of these orgs, current and past, in the order they began, with the end of its term. The ids
 * travel as one array parameter, so that tens of thousands of them cost one round trip.
 */
export async function listPostsOfOrgs(db: Db, orgIds: readonly number[]): Promise<PostWithTerm[]> {
  if (orgIds.length === 0) return [];
  const rows = await db
    .select({ post: leadershipPosts, termEndsOn: committeeTerms.endsOn })
    .from(leadershipPosts)
    .leftJoin(committeeTerms, eq(committeeTerms.id, leadershipPosts.termId))
    .where(sql`${leadershipPosts.orgId} = any(${sql.param([...orgIds])}::int[])`)
    .orderBy(asc(leadershipPosts.startedOn), asc(leadershipPosts.id));
  return rows.map((r) => ({ ...r.post, termEndsOn: r.termEndsOn }));
}

/** The post with the end of its term. */
export async function withTermEnd(db: Db, row: PostRow): Promise<PostWithTerm> {
  if (row.termId === null) return { ...row, termEndsOn: null };
  const [term] = await db
    .select({ endsOn: committeeTerms.endsOn })
    .from(committeeTerms)
    .where(eq(committeeTerms.id, row.termId));
  return { ...row, termEndsOn: term?.endsOn ?? null };
}

/** The current (not ended) term of each of these orgs. */
export async function listCurrentTerms(db: Db, orgIds: readonly number[]): Promise<TermRow[]> {
  if (orgIds.length === 0) return [];
  return db
    .select()
    .from(committeeTerms)
    .where(
      and(
        sql`${committeeTerms.orgId} = any(${sql.param([...orgIds])}::int[])`,
        isNull(committeeTerms.endedOn),
      ),
    );
}

export async function findCurrentTerm(db: Db, orgId: number): Promise<TermRow | undefined> {
  const [row] = await listCurrentTerms(db, [orgId]);
  return row;
}

export async function findTerm(db: Db, id: number): Promise<TermRow | undefined> {
  const [row] = await db.select().from(committeeTerms).where(eq(committeeTerms.id, id));
  return row;
}

/** Every term of the org, the latest first. */
export async function listTermsOfOrg(db: Db, orgId: number): Promise<TermRow[]> {
  return db
    .select()
    .from(committeeTerms)
    .where(eq(committeeTerms.orgId, orgId))
    .orderBy(sql`${committeeTerms.electedOn} desc`, sql`${committeeTerms.id} desc`);
}

export async function insertTerm(db: Db, values: typeof committeeTerms.$inferInsert): Promise<TermRow> {
  const [row] = await db.insert(committeeTerms).values(values).returning();
  return row as TermRow;
}

/** Ends the term on the day the next one was elected (换届). */
export async function endTerm(db: Db, id: number, endedOn: string): Promise<TermRow> {
  const [row] = await db
    .update(committeeTerms)
    .set({ endedOn, version: sql`${committeeTerms.version} + 1` })
    .where(eq(committeeTerms.id, id))
    .returning();
  return row as TermRow;
}

/** Ends, on `leftOn`, the posts chosen by `which` still held then (a post begun later ends on its first day). */
function endPostsHeld(db: Db, which: SQL, leftOn: string, leftReason: string) {
  return db
    .update(leadershipPosts)
    .set({
      leftOn: sql`greatest(${leadershipPosts.startedOn}, ${leftOn}::date)`,
      leftReason,
      version: sql`${leadershipPosts.version} + 1`,
    })
    .where(and(which, or(isNull(leadershipPosts.leftOn), gt(leadershipPosts.leftOn, leftOn))))
    .returning();
}

/** Ends, on `leftOn`, the posts of a term still held then (a post begun later ends on its first day). */
export async function endPostsOfTerm(db: Db, termId: number, leftOn: string, leftReason: string) {
  return endPostsHeld(db, eq(leadershipPosts.termId, termId), leftOn, leftReason);
}

/** The facts of the posts of these orgs that the rules need (PostTenure), and nothing else. */
export async function listTenuresOfOrgs(db: Db, orgIds: readonly number[]) {
  if (orgIds.length === 0) return [];
  return db
    .select({
      orgId: leadershipPosts.orgId,
      post: leadershipPosts.post,
      startedOn: leadershipPosts.startedOn,
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
  return endPostsHeld(db, eq(leadershipPosts.orgId, orgId), leftOn, leftReason);
}

/** A dissolved org's committee ends with it: its current term ends on that day (never before it began). */
export async function endCurrentTermOn(db: Db, orgId: number, endedOn: string) {
  return db
    .update(committeeTerms)
    .set({
      endedOn: sql`greatest(${committeeTerms.electedOn}, ${endedOn}::date)`,
      version: sql`${committeeTerms.version} + 1`,
    })
    .where(and(eq(committeeTerms.orgId, orgId), isNull(committeeTerms.endedOn)))
    .returning();
}
