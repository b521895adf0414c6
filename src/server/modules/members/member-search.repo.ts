import { and, asc, count, desc, eq, gte, inArray, isNotNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { MEMBER_SORTS } from '../../../contracts/members.ts';
import type { Gender, MemberCategory, MemberStatus } from '../../../domain/membership/index.ts';
import type { Db } from '../../db/client.ts';
import { coversDeployment, pathInScope, type Scope } from '../../db/scope.ts';
import { orgs } from '../../db/tables/orgs.ts';
import { members, persons } from '../../db/tables/people.ts';

/** How `q` is matched; the service decides which from what was typed. */
export type MemberMatch =
  | { readonly by: 'idHash'; readonly hash: string }
  | { readonly by: 'mobile'; readonly mobile: string }
  | { readonly by: 'pinyin'; readonly prefix: string }
  | { readonly by: 'name'; readonly prefix: string };

export type MemberSearch = {
  readonly scope: Scope;
  /** Only this subtree (a path already checked to be in scope). */
  readonly within: Scope | null;
  readonly statuses?: readonly MemberStatus[] | undefined;
  readonly categories?: readonly MemberCategory[] | undefined;
  readonly gender?: Gender | undefined;
  readonly birthFrom: string | null;
  readonly birthTo: string | null;
  readonly educationCodes: readonly string[] | null;
  readonly admittedFrom?: string | undefined;
  readonly admittedTo?: string | undefined;
  readonly mobile?: boolean | undefined;
  readonly hardship?: boolean | undefined;
  readonly match: MemberMatch | null;
  readonly sort: (typeof MEMBER_SORTS)[number];
  readonly limit: number;
  readonly offset: number;
};

/** `%` and `_` typed by the user are matched literally. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Prefix matches use the text_pattern_ops indexes of persons (name, pinyin, initials). */
function matchCondition(m: MemberMatch): SQL | undefined {
  switch (m.by) {
    case 'idHash':
      return eq(persons.idNumberHash, m.hash);
    case 'mobile':
      return eq(persons.phoneMobile, m.mobile);
    case 'pinyin': {
      const pattern = `${escapeLike(m.prefix)}%`;
      return or(sql`${persons.namePinyin} like ${pattern}`, sql`${persons.nameInitials} like ${pattern}`);
    }
    case 'name':
      return sql`${persons.name} like ${`${escapeLike(m.prefix)}%`}`;
  }
}

/** Where the member is placed: the scope, and the subtree asked for. */
function orgCondition(f: MemberSearch): SQL | undefined {
  return and(pathInScope(f.scope, orgs.path), f.within ? pathInScope(f.within, orgs.path) : undefined);
}

function memberCondition(f: MemberSearch): SQL | undefined {
  return and(
    f.statuses?.length ? inArray(members.status, [...f.statuses]) : undefined,
    f.categories?.length ? inArray(members.category, [...f.categories]) : undefined,
    f.admittedFrom ? gte(members.admittedOn, f.admittedFrom) : undefined,
    f.admittedTo ? lte(members.admittedOn, f.admittedTo) : undefined,
    f.mobile === undefined ? undefined : eq(members.isMobile, f.mobile),
    f.hardship === undefined ? undefined : eq(members.isHardship, f.hardship),
  );
}

function personCondition(f: MemberSearch): SQL | undefined {
  return and(
    f.gender ? eq(persons.gender, f.gender) : undefined,
    f.birthFrom || f.birthTo ? isNotNull(persons.birthDate) : undefined,
    f.birthFrom ? gte(persons.birthDate, f.birthFrom) : undefined,
    f.birthTo ? lte(persons.birthDate, f.birthTo) : undefined,
    f.educationCodes ? inArray(persons.education, [...f.educationCodes]) : undefined,
    f.match ? matchCondition(f.match) : undefined,
  );
}

/** The whole filter (scope, subtree, member and person conditions); also what a batch's selection resolves. */
export function filterCondition(f: MemberSearch): SQL | undefined {
  return and(orgCondition(f), memberCondition(f), personCondition(f));
}

/** Up to this many matching members, a page is sorted from the matches rather than read in index order. */
const SORT_MATCHES_UP_TO = 5_000;

/**
 * Pinyin is lower-case ASCII, so byte order is alphabetical order. For a large scope without `q`, sorting
 * with the pattern operator lets the persons_pinyin_prefix index (text_pattern_ops) deliver the first page
 * without sorting the scope. For few matches (a search, a community) the same order under `collate "C"`
 * makes the planner read the matches and sort them: walking the whole city's index for a community's 20
 * would visit thousands of rows, and the planner's ltree estimates are too rough to be left that choice
 * (seen on PGlite: 18 ms or 300 ms for the same community page).
 */
function orderOf(sort: MemberSearch['sort'], fewMatches: boolean): SQL[] {
  // Byte order both ways (`collate "C"` is the order of ~<~, without making the index eligible).
  const pinyin = fewMatches ? sql`${persons.namePinyin} collate "C"` : sql`${persons.namePinyin} using ~<~`;
  const byName = [pinyin, asc(persons.name)];
  switch (sort) {
    case 'admittedOn':
      return [asc(members.admittedOn), ...byName];
    case '-admittedOn':
      return [desc(members.admittedOn), ...byName];
    case 'birthDate':
      return [sql`${persons.birthDate} asc nulls last`, ...byName];
    case '-birthDate':
      return [sql`${persons.birthDate} desc nulls last`, ...byName];
    case 'org':
      return [asc(orgs.path), ...byName];
    default:
      return byName;
  }
}

export type MemberListRow = {
  id: number;
  personId: number;
  name: string;
  gender: Gender;
  ethnicity: string | null;
  birthDate: string | null;
  idNumberEnc: string | null;
  phoneMobile: string | null;
  education: string | null;
  workPost: string | null;
  orgId: number;
  orgName: string;
  status: MemberStatus;
  category: MemberCategory;
  admittedOn: string;
  confirmedOn: string | null;
  isMobile: boolean;
  isHardship: boolean;
  version: number;
};

const listColumns = {
  id: members.id,
  personId: members.personId,
  name: persons.name,
  gender: persons.gender,
  ethnicity: persons.ethnicity,
  birthDate: persons.birthDate,
  idNumberEnc: persons.idNumberEnc,
  phoneMobile: persons.phoneMobile,
  education: persons.education,
  workPost: persons.workPost,
  orgId: members.orgId,
  orgName: orgs.name,
  status: members.status,
  category: members.category,
  admittedOn: members.admittedOn,
  confirmedOn: members.confirmedOn,
  isMobile: members.isMobile,
  isHardship: members.isHardship,
  version: members.version,
};

/**
 * How many members match, joining only the tables the filter reads: `persons` for a person filter, `orgs`
 * unless the scope covers the whole deployment (then the city-wide count reads the member rows alone).
 */
async function countMembers(db: Db, f: MemberSearch): Promise<number> {
  const byPerson = personCondition(f);
  const whole = await coversDeployment(db, f.within ?? f.scope);
  let query = db.select({ n: count() }).from(members).$dynamic();
  if (byPerson) query = query.innerJoin(persons, eq(persons.id, members.personId));
  if (!whole) query = query.innerJoin(orgs, eq(orgs.id, members.orgId));
  const [counted] = await query.where(and(whole ? undefined : orgCondition(f), memberCondition(f), byPerson));
  return counted?.n ?? 0;
}

/**
 * One page of the members matching the filter, inside the scope, and the total. A search (`q`) matches few
 * rows, so the page and its total come from one pass (a window count); a plain listing of a large scope
 * counts separately, so that its first page can still be read in index order without sorting the scope.
 */
export async function searchMembers(
  db: Db,
  f: MemberSearch,
): Promise<{ rows: MemberListRow[]; total: number }> {
  const where = filterCondition(f);
  if (f.match !== null) {
    const order = [...orderOf(f.sort, true), asc(members.id)];
    const found = await db
      .select({ ...listColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
      .from(members)
      .innerJoin(persons, eq(persons.id, members.personId))
      .innerJoin(orgs, eq(orgs.id, members.orgId))
      .where(where)
      .orderBy(...order)
      .limit(f.limit)
      .offset(f.offset);
    const total = found[0]?.total ?? (f.offset > 0 ? await countMembers(db, f) : 0);
    return { rows: found.map(({ total: _total, ...row }: MemberListRow & { total: number }) => row), total };
  }
  const total = await countMembers(db, f);
  if (total === 0 || f.offset >= total) return { rows: [], total };
  const order = [...orderOf(f.sort, total <= SORT_MATCHES_UP_TO), asc(members.id)];
  const rows = await db
    .select(listColumns)
    .from(members)
    .innerJoin(persons, eq(persons.id, members.personId))
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(where)
    .orderBy(...order)
    .limit(f.limit)
    .offset(f.offset);
  return { rows, total };
}
