import { type SQL, sql } from 'drizzle-orm';
import {
  FINDING_KINDS,
  type FindingKind,
  type FindingSubject,
  type OrgKind,
  type Severity,
} from '../../domain/org/index.ts';
import type { IsoDate } from '../../domain/shared/index.ts';
import { type Db, queryRows } from '../db/client.ts';
import { pathInScope, type Scope } from '../db/scope.ts';
import type { TodoInput } from './inputs.ts';
import type { LocatedFinding, OrgSelection } from './producer.ts';

/**
 * The findings table (db/tables/findings.ts) and its bookkeeping: the day it is of, the marks the triggers leave,
 * the locks its writers take. SQL only; keep.ts decides.
 */

/** The severity's place in the list (compareFindings): stored, so that an index gives the order. */
const URGENCY: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

/** Serializes a whole recomputation (exclusive) with the refreshes of writers (shared). */
const TABLE_LOCK = sql`hashtext('jiceng.findings')`;
/** The first key of the per-org locks (the second is the org id). */
const ORG_LOCK = 7_301;

export type Mark = { readonly orgId: number | null; readonly input: TodoInput };

function marksOf(rows: readonly { org_id: number | null; input: TodoInput }[]): Mark[] {
  return rows.map((r) => ({ orgId: r.org_id === null ? null : Number(r.org_id), input: r.input }));
}

/** Takes the marks committed so far and this transaction's own. */
export async function takeMarks(db: Db): Promise<Mark[]> {
  return marksOf(
    await queryRows<{ org_id: number | null; input: TodoInput }>(
      db,
      sql`delete from findings_dirty returning org_id, input`,
    ),
  );
}

/**
 * A writer's refresh opens with one statement (a round trip is most of its cost on PGlite). It takes the marks
 * and, when there are some, the locks: the table's shared and the marked orgs' in id order (two writers never wait
 * on each other crosswise); or, when the marks ask for every org (a null org, or `everyOrgFrom` orgs or more), the
 * table's exclusively and no org's. A transaction with no marks takes no lock: it never waits for a whole
 * recomputation. It reads the table's day too, in the statement that waits for the lock: that day may predate a
 * whole recomputation that committed meanwhile, so `replaceFindingsOfDay` checks it again.
 */
export async function takeMarksLocked(
  db: Db,
  everyOrgFrom: number,
): Promise<{ marks: Mark[]; asOf: IsoDate | null }> {
  const [row] = await queryRows<{
    marks: { org_id: number | null; input: TodoInput }[] | null;
    as_of: string | null;
  }>(
    db,
    sql`with taken as (delete from findings_dirty returning org_id, input),
             asked as (
               select count(*) > 0 as marked,
                      count(*) filter (where org_id is null) > 0 or count(distinct org_id) >= ${everyOrgFrom} as whole
               from taken),
             table_shared as (
               select pg_advisory_xact_lock_shared(${TABLE_LOCK}) from asked where marked and not whole),
             table_exclusive as (select pg_advisory_xact_lock(${TABLE_LOCK}) from asked where whole),
             org_locks as (
               select pg_advisory_xact_lock(${ORG_LOCK}, s.org_id)
               from (select distinct org_id from taken
                     where org_id is not null and not (select whole from asked) order by org_id) s)
        select (select json_agg(json_build_object('org_id', org_id, 'input', input)) from taken) as marks,
               (select count(*) from table_shared) + (select count(*) from table_exclusive)
                 + (select count(*) from org_locks) as locks,
               (select as_of::text from findings_meta where key = 'findings') as as_of`,
  );
  return { marks: marksOf(row?.marks ?? []), asOf: (row?.as_of ?? null) as IsoDate | null };
}

/** The day the table is of (null: never computed), and whether marks wait. One cheap read. */
export async function readState(db: Db): Promise<{ asOf: IsoDate | null; marked: boolean }> {
  const [row] = await queryRows<{ as_of: string | null; marked: boolean }>(
    db,
    sql`select (select as_of::text from findings_meta where key = 'findings') as as_of,
               exists (select 1 from findings_dirty) as marked`,
  );
  return { asOf: (row?.as_of ?? null) as IsoDate | null, marked: row?.marked === true };
}

export async function readAsOf(db: Db): Promise<IsoDate | null> {
  const [row] = await queryRows<{ as_of: string | null }>(
    db,
    sql`select as_of::text as as_of from findings_meta where key = 'findings'`,
  );
  return (row?.as_of ?? null) as IsoDate | null;
}

export async function setAsOf(db: Db, day: IsoDate): Promise<void> {
  await db.execute(
    sql`insert into findings_meta (key, as_of) values ('findings', ${day}::date)
        on conflict (key) do update set as_of = excluded.as_of`,
  );
}

export async function lockTable(db: Db, mode: 'shared' | 'exclusive'): Promise<void> {
  await db.execute(
    mode === 'shared'
      ? sql`select pg_advisory_xact_lock_shared(${TABLE_LOCK})`
      : sql`select pg_advisory_xact_lock(${TABLE_LOCK})`,
  );
}

function selected(orgs: OrgSelection): SQL {
  return orgs === 'all' ? sql`true` : sql`org_id = any(${`{${orgs.join(',')}}`}::int[])`;
}

/** A finding's subject as the table keys it: `member:<id>`, `transfer:<id>`, `account:<userId>`, or '' for the org itself. */
function subjectKey(subject: FindingSubject | undefined): string {
  return subject ? `${subject.type}:${subject.id}` : '';
}

function subjectOf(key: string, name: string | null): FindingSubject | undefined {
  const [type, id] = key.split(':');
  if ((type !== 'member' && type !== 'transfer' && type !== 'account') || id === undefined) return undefined;
  return { type, id: Number(id), name: name ?? '' };
}

/** The rows of `found` as one set of arrays: one statement for any number of findings (and for none). */
function foundRows(found: readonly LocatedFinding[]): SQL {
  const column = <T>(of: (f: LocatedFinding) => T) => sql.param(found.map(of));
  return sql`select * from unnest(
      ${column((f) => f.orgId)}::int[], ${column((f) => f.finding.kind)}::text[],
      ${column((f) => f.finding.severity)}::text[], ${column((f) => URGENCY[f.finding.severity])}::smallint[],
      ${column((f) => f.finding.date)}::date[], ${column((f) => f.finding.days)}::int[],
      ${column((f) => f.finding.message)}::text[], ${column((f) => f.finding.article)}::text[],
      ${column((f) => subjectKey(f.finding.subject))}::text[], ${column((f) => f.finding.subject?.name ?? null)}::text[])
    as v (org_id, kind, severity, urgency, date, days, message, article, subject, subject_name)`;
}

/**
 * Replaces the findings of `kinds` for the selected orgs by `found`, when the table is of `day`; returns the day
 * the table is of (the caller computed for another when it differs, and nothing was written). One statement: the
 * rows found no more are deleted, the new ones inserted, the changed ones updated; an unchanged row is left alone.
 */
export async function replaceFindingsOfDay(
  db: Db,
  day: IsoDate,
  kinds: readonly FindingKind[],
  orgs: OrgSelection,
  found: readonly LocatedFinding[],
): Promise<IsoDate | null> {
  const kindList = sql.join(
    kinds.map((k) => sql`${k}`),
    sql`, `,
  );
  // Nothing found (the common case of a write): only what was there goes, in a statement that plans quickly.
  if (found.length === 0) {
    const [gone] = await queryRows<{ as_of: string | null }>(
      db,
      sql`with meta as (select as_of from findings_meta where key = 'findings'),
               gone as (delete from findings where kind in (${kindList}) and ${selected(orgs)}
                          and (select as_of from meta) = ${day}::date)
          select (select as_of::text from meta) as as_of`,
    );
    return (gone?.as_of ?? null) as IsoDate | null;
  }
  const [row] = await queryRows<{ as_of: string | null }>(
    db,
    sql`with meta as (select as_of from findings_meta where key = 'findings'),
             v as (${foundRows(found)}),
             gone as (
               delete from findings f
               where f.kind in (${kindList}) and ${selected(orgs)}
                 and (select as_of from meta) = ${day}::date
                 and not exists (
                   select 1 from v where v.org_id = f.org_id and v.kind = f.kind and v.subject = f.subject)),
             put as (
               insert into findings (org_id, path, kind, severity, urgency, date, days, message, article, subject,
                                     subject_name)
               select v.org_id, o.path, v.kind, v.severity, v.urgency, v.date, v.days, v.message, v.article, v.subject,
                      v.subject_name
               from v join orgs o on o.id = v.org_id
               where (select as_of from meta) = ${day}::date
               on conflict (org_id, kind, subject) do update
                 set path = excluded.path, severity = excluded.severity, urgency = excluded.urgency,
                     date = excluded.date, days = excluded.days, message = excluded.message, article = excluded.article,
                     subject_name = excluded.subject_name
                 where (findings.path, findings.severity, findings.date, findings.days, findings.message, findings.article,
                        findings.subject_name)
                   is distinct from
                   (excluded.path, excluded.severity, excluded.date, excluded.days, excluded.message, excluded.article,
                    excluded.subject_name))
        select (select as_of::text from meta) as as_of`,
  );
  return (row?.as_of ?? null) as IsoDate | null;
}

export type FindingFilter = {
  /** Only this subtree (a path already checked to be in scope). */
  readonly within: string | null;
  readonly kind?: FindingKind | undefined;
  readonly severity?: Severity | undefined;
};

function whereOf(scope: Scope | 'all', filter: FindingFilter): SQL {
  return sql.join(
    [
      scope === 'all' ? sql`true` : pathInScope(scope, sql`f.path`),
      ...(filter.within === null ? [] : [sql`f.path <@ ${filter.within}::ltree`]),
      ...(filter.kind === undefined ? [] : [sql`f.kind = ${filter.kind}`]),
      ...(filter.severity === undefined ? [] : [sql`f.severity = ${filter.severity}`]),
    ],
    sql` and `,
  );
}

/**
 * The order of the list (compareFindings, docs/design.md §4.2): critical first, the oldest date first, undated
 * last; then by org, and an org's findings in the order of FINDING_KINDS.
 */
const ORDER = sql`f.urgency, f.date asc nulls last, f.org_id, array_position(array[${sql.join(
  FINDING_KINDS.map((k) => sql`${k}`),
  sql`, `,
)}]::text[], f.kind), f.subject`;

export type FindingRow = {
  readonly orgId: number;
  readonly orgName: string;
  readonly orgKind: OrgKind;
  readonly orgPath: string;
  readonly finding: LocatedFinding['finding'];
};

/** One page of the findings of the scope (and filter), in the list's order. */
export async function selectFindingPage(
  db: Db,
  scope: Scope | 'all',
  filter: FindingFilter,
  page: { readonly limit: number; readonly offset: number },
): Promise<FindingRow[]> {
  const rows = await queryRows<{
    org_id: number;
    name: string;
    org_kind: OrgKind;
    path: string;
    kind: FindingKind;
    severity: Severity;
    date: string | null;
    days: number | null;
    message: string;
    article: string;
    subject: string;
    subject_name: string | null;
  }>(
    db,
    sql`select f.org_id, o.name, o.kind as org_kind, f.path::text as path, f.kind, f.severity, f.date::text as date,
               f.days, f.message, f.article, f.subject, f.subject_name
        from (select * from findings f where ${whereOf(scope, filter)}
              order by ${ORDER} limit ${page.limit} offset ${page.offset}) f
        join orgs o on o.id = f.org_id
        order by ${ORDER}`,
  );
  return rows.map((r) => ({
    orgId: Number(r.org_id),
    orgName: r.name,
    orgKind: r.org_kind,
    orgPath: r.path,
    finding: {
      kind: r.kind,
      severity: r.severity,
      message: r.message,
      article: r.article,
      date: r.date as IsoDate | null,
      days: r.days === null ? null : Number(r.days),
      ...(r.subject === '' ? {} : { subject: subjectOf(r.subject, r.subject_name) }),
    },
  }));
}

/** How many findings of each kind and severity the scope (and filter) holds. */
export async function countFindings(
  db: Db,
  scope: Scope,
  filter: FindingFilter,
): Promise<{ kind: FindingKind; severity: Severity; n: number }[]> {
  const rows = await queryRows<{ kind: FindingKind; severity: Severity; n: number }>(
    db,
    sql`select f.kind, f.severity, count(*)::int as n
        from findings f
        where ${whereOf(scope, filter)}
        group by f.kind, f.severity`,
  );
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** Every row of the table, for comparing it with a recomputation (tests). */
export async function selectAllFindings(db: Db): Promise<LocatedFinding[]> {
  return (await selectFindingPage(db, 'all', { within: null }, { limit: 1e9, offset: 0 })).map((r) => ({
    orgId: r.orgId,
    finding: r.finding,
  }));
}

/** Rows of kinds no producer gives (a module no longer registered): gone when the table is filled anew. */
export async function deleteUnownedFindings(db: Db, owned: readonly FindingKind[]): Promise<void> {
  await db.execute(
    owned.length === 0
      ? sql`delete from findings`
      : sql`delete from findings where kind not in (${sql.join(
          owned.map((k) => sql`${k}`),
          sql`, `,
        )})`,
  );
}

export async function analyzeFindings(db: Db): Promise<void> {
  await db.execute(sql`analyze findings`);
}
