import { and, asc, eq, gte, inArray, isNotNull, like, lte, or, type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, alias } from 'drizzle-orm/pg-core';
import type { MemberCategory, MemberStatus } from '../../../domain/membership/index.ts';
import type { Db } from '../../db/client.ts';
import { pathInScope, type Scope } from '../../db/scope.ts';
import { orgs } from '../../db/tables/orgs.ts';
import { members, persons } from '../../db/tables/people.ts';

/**
 * The roster's rows as the Excel export writes them (member-excel, through this module's index.ts): the members
 * module owns the members and persons tables, so their reads for an export are made here.
 *
 * The members the export writes: the member list's filter (MemberListQuery), applied through the one
 * scope filter (src/server/db/scope.ts), read in chunks of whole orgs so that memory stays flat.
 */
export type ExportFilter = {
  readonly scope: Scope;
  /** The subtree of the chosen org (already checked to be in scope). */
  readonly within: string | null;
  /** Empty: every status, as the member list. */
  readonly statuses: readonly MemberStatus[];
  readonly categories: readonly MemberCategory[];
  readonly gender: 'male' | 'female' | null;
  readonly birthFrom: string | null;
  readonly birthTo: string | null;
  readonly educationCodes: readonly string[] | null;
  readonly admittedFrom: string | null;
  readonly admittedTo: string | null;
  readonly mobile: boolean | null;
  readonly hardship: boolean | null;
  /** What `q` matches, as the member list decides it (matchOf). */
  readonly match: ExportMatch | null;
  /** Only these members (a batch's selection, already resolved in the scope: resolveSelection). */
  readonly memberIds?: readonly number[];
};
export type ExportMatch =
  | { readonly by: 'idHash'; readonly hash: string }
  | { readonly by: 'mobile'; readonly mobile: string }
  | { readonly by: 'pinyin'; readonly prefix: string }
  | { readonly by: 'name'; readonly prefix: string };

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function matchCondition(m: ExportMatch): SQL | undefined {
  switch (m.by) {
    case 'idHash':
      return eq(persons.idNumberHash, m.hash);
    case 'mobile':
      return eq(persons.phoneMobile, m.mobile);
    case 'pinyin':
      return or(
        like(persons.namePinyin, `${escapeLike(m.prefix)}%`),
        like(persons.nameInitials, `${escapeLike(m.prefix)}%`),
      );
    case 'name':
      return like(persons.name, `${escapeLike(m.prefix)}%`);
  }
}

function conditions(f: ExportFilter): SQL | undefined {
  const flag = (column: AnyPgColumn, v: boolean | null) => (v === null ? undefined : eq(column, v));
  return and(
    pathInScope(f.scope, orgs.path),
    f.within === null ? undefined : sql`${orgs.path} <@ ${f.within}::ltree`,
    f.statuses.length > 0 ? inArray(members.status, [...f.statuses]) : undefined,
    f.categories.length > 0 ? inArray(members.category, [...f.categories]) : undefined,
    f.gender ? eq(persons.gender, f.gender) : undefined,
    f.birthFrom || f.birthTo ? isNotNull(persons.birthDate) : undefined,
    f.birthFrom ? gte(persons.birthDate, f.birthFrom) : undefined,
    f.birthTo ? lte(persons.birthDate, f.birthTo) : undefined,
    f.educationCodes ? inArray(persons.education, [...f.educationCodes]) : undefined,
    f.admittedFrom ? gte(members.admittedOn, f.admittedFrom) : undefined,
    f.admittedTo ? lte(members.admittedOn, f.admittedTo) : undefined,
    flag(members.isMobile, f.mobile),
    flag(members.isHardship, f.hardship),
    f.match ? matchCondition(f.match) : undefined,
    f.memberIds ? inArray(members.id, [...f.memberIds]) : undefined,
  );
}

/** The 党支部 of a member placed in a 党小组: the group's parent (the 2017 form names branches only). */
const branch = alias(orgs, 'branch');

const exportColumns = {
  id: members.id,
  orgId: members.orgId,
  orgName: orgs.name,
  branchId: sql<number>`coalesce(${branch.id}, ${orgs.id})`.mapWith(Number),
  branchName: sql<string>`coalesce(${branch.name}, ${orgs.name})`,
  name: persons.name,
  idNumberEnc: persons.idNumberEnc,
  gender: persons.gender,
  ethnicity: persons.ethnicity,
  birthDate: persons.birthDate,
  education: persons.education,
  status: members.status,
  leftReason: members.leftReason,
  admittedOn: members.admittedOn,
  confirmedOn: members.confirmedOn,
  probationEndsOn: members.probationEndsOn,
  workPost: persons.workPost,
  phoneMobile: persons.phoneMobile,
  phoneLandline: persons.phoneLandline,
  address: persons.address,
  category: members.category,
  isMobile: members.isMobile,
  outflowDestination: members.outflowDestination,
  isHardship: members.isHardship,
  lostContactOn: members.lostContactOn,
};
export type ExportRow = Awaited<ReturnType<typeof exportChunk>>[number];

/** The members of some orgs, org by org in tree order, by name (pinyin) within an org. */
async function exportChunk(db: Db, f: ExportFilter, orgIds: readonly number[]) {
  return db
    .select(exportColumns)
    .from(members)
    .innerJoin(persons, eq(persons.id, members.personId))
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .leftJoin(branch, and(eq(branch.id, orgs.parentId), sql`${orgs.kind} = 'group'`))
    .where(and(conditions(f), inArray(members.orgId, [...orgIds])))
    .orderBy(asc(orgs.path), asc(persons.namePinyin), asc(persons.name), asc(members.id));
}

/** How many matching members each org holds, in tree order (orgs_path order). */
async function countsByOrg(db: Db, f: ExportFilter) {
  return db
    .select({ orgId: members.orgId, n: sql<number>`count(*)::int` })
    .from(members)
    .innerJoin(persons, eq(persons.id, members.personId))
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(conditions(f))
    .groupBy(members.orgId, orgs.path)
    .orderBy(asc(orgs.path));
}

export async function countExport(db: Db, f: ExportFilter): Promise<number> {
  return (await countsByOrg(db, f)).reduce((sum, c) => sum + c.n, 0);
}

/**
 * The matching members in chunks of whole orgs (about `size` members each; an org is never split), so that
 * each 汇总表 sheet is written in one go and each query sorts only a few thousand rows, whatever the total.
 */
export async function* eachExportBatch(db: Db, f: ExportFilter, size = 2000): AsyncGenerator<ExportRow[]> {
  let chunk: number[] = [];
  let members = 0;
  for (const { orgId, n } of await countsByOrg(db, f)) {
    if (chunk.length > 0 && members + n > size) {
      yield await exportChunk(db, f, chunk);
      chunk = [];
      members = 0;
    }
    chunk.push(orgId);
    members += n;
  }
  if (chunk.length > 0) yield await exportChunk(db, f, chunk);
}
