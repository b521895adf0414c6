import { and, count, desc, eq, gte, lte, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { pathInScope, type Scope } from '../../db/scope.ts';
import { talks } from '../../db/tables/appraisals.ts';
import { orgs } from '../../db/tables/orgs.ts';
import { members, persons } from '../../db/tables/people.ts';
import { updateAtVersion } from '../../db/versioned.ts';

export type TalkRow = typeof talks.$inferSelect;
export type TalkRecord = TalkRow & {
  orgName: string;
  orgPath: string;
  memberName: string;
  partnerName: string;
};

const m1 = alias(members, 'm1');
const p1 = alias(persons, 'p1');
const m2 = alias(members, 'm2');
const p2 = alias(persons, 'p2');

function selectTalks(db: Db) {
  return db
    .select({
      talk: talks,
      orgName: orgs.name,
      orgPath: orgs.path,
      memberName: p1.name,
      partnerName: p2.name,
    })
    .from(talks)
    .innerJoin(orgs, eq(orgs.id, talks.orgId))
    .innerJoin(m1, eq(m1.id, talks.memberId))
    .innerJoin(p1, eq(p1.id, m1.personId))
    .innerJoin(m2, eq(m2.id, talks.partnerId))
    .innerJoin(p2, eq(p2.id, m2.personId));
}

type Joined = { talk: TalkRow; orgName: string; orgPath: string; memberName: string; partnerName: string };
const flatten = ({ talk, ...rest }: Joined): TalkRecord => ({ ...talk, ...rest });

export async function findTalkInScope(
  db: Db,
  scope: Scope,
  id: number,
  lock = false,
): Promise<TalkRecord | undefined> {
  const query = selectTalks(db).where(and(eq(talks.id, id), pathInScope(scope, orgs.path)));
  const [row] = lock ? await query.for('update', { of: talks }) : await query;
  return row ? flatten(row) : undefined;
}

export type TalkFilter = {
  readonly scope: Scope;
  readonly within: Scope | null;
  readonly year?: number | undefined;
  readonly memberId?: number | undefined;
};

function conditionsOf(f: TalkFilter): SQL | undefined {
  const c: SQL[] = [pathInScope(f.scope, orgs.path)];
  if (f.within) c.push(pathInScope(f.within, orgs.path));
  if (f.year !== undefined) {
    c.push(gte(talks.talkedOn, `${f.year}-01-01`), lte(talks.talkedOn, `${f.year}-12-31`));
  }
  if (f.memberId !== undefined) {
    c.push(or(eq(talks.memberId, f.memberId), eq(talks.partnerId, f.memberId)) as SQL);
  }
  return and(...c);
}

/** Talks in the scope (and filter), newest first, a page of them and the total. */
export async function listTalks(db: Db, f: TalkFilter & { limit: number; offset: number }) {
  const where = conditionsOf(f);
  const [rows, [total]] = await Promise.all([
    selectTalks(db)
      .where(where)
      .orderBy(desc(talks.talkedOn), desc(talks.id))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(talks).innerJoin(orgs, eq(orgs.id, talks.orgId)).where(where),
  ]);
  return { rows: rows.map(flatten), total: total?.n ?? 0 };
}

/** The pairs who talked in a branch in a year (for coverage). */
export async function talkPairsOf(db: Db, orgId: number, year: number) {
  return db
    .select({ memberId: talks.memberId, partnerId: talks.partnerId })
    .from(talks)
    .where(
      and(eq(talks.orgId, orgId), gte(talks.talkedOn, `${year}-01-01`), lte(talks.talkedOn, `${year}-12-31`)),
    );
}

export async function insertTalk(db: Db, values: typeof talks.$inferInsert): Promise<number> {
  const [row] = await db.insert(talks).values(values).returning({ id: talks.id });
  return (row as { id: number }).id;
}

export async function updateTalkAtVersion(
  db: Db,
  id: number,
  version: number,
  values: Partial<typeof talks.$inferInsert>,
): Promise<void> {
  await updateAtVersion(db, talks, id, version, values);
}

export async function deleteTalk(db: Db, id: number): Promise<void> {
  await db.delete(talks).where(eq(talks.id, id));
}

/** Whether both members are placed in the branch's subtree (its own members and its groups'). */
export async function bothInBranch(db: Db, branchPath: string, ids: readonly number[]): Promise<boolean> {
  const rows = await db
    .select({ id: members.id })
    .from(members)
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(
      and(
        sql`${members.id} in (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})`,
        sql`${orgs.path} <@ ${branchPath}::ltree`,
        sql`${members.status} in ('full', 'probationary')`,
      ),
    );
  return new Set(rows.map((r) => r.id)).size === new Set(ids).size;
}
