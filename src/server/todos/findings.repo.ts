import { type SQL, sql } from 'drizzle-orm';
import { FINDING_KINDS, type FindingKind, type OrgKind, type Severity } from '../../domain/org/index.ts';
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

/** Takes the marks committed so far and this transaction's own. */
export async function takeMarks(db: Db): Promise<Mark[]> {
  const rows = await queryRows<{ org_id: number | null; input: TodoInput }>(
    db,
    sql`delete from findings_dirty returning org_id, input`,
  );
  return rows.map((r) => ({ orgId: r.org_id === null ? null : Number(r.org_id), input: r.input }));
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

/** Locks these orgs' findings until the transaction ends, in id order (two writers never wait on each other crosswise). */
export async function lockOrgs(db: Db, orgIds: readonly number[]): Promise<void> {
  if (orgIds.length === 0) return;
  const ids = [...orgIds].sort((a, b) => a - b);
  await db.execute(
    sql`select count(pg_advisory_xact_lock(${ORG_LOCK}, s.id)) from (
          select id from unnest(${`{${ids.join(',')}}`}::int[]) as id order by id) s`,
  );
}

function selected(orgs: OrgSelection): SQL {
  return orgs === 'all' ? sql`true` : sql`org_id = any(${`{${orgs.join(',')}}`}::int[])`;
}

/** Replaces the findings of `kinds` for the selected orgs by `found`. */
export async function replaceFindings(
  db: Db,
  kinds: readonly FindingKind[],
  orgs: OrgSelection,
  found: readonly LocatedFinding[],
): Promise<void> {
  if (orgs !== 'all' && orgs.length === 0) return;
  await db.execute(
    sql`delete from findings where kind in (${sql.join(
      kinds.map((k) => sql`${k}`),
      sql`, `,
    )}) and ${selected(orgs)}`,
  );
  for (let i = 0; i < found.length; i += 1000) {
    const rows = found
      .slice(i, i + 1000)
      .map(
        ({ orgId, finding: f }) =>
          sql`(${orgId}::int, ${f.kind}::text, ${f.severity}::text, ${URGENCY[f.severity]}::smallint, ${f.date}::date, ${f.days}::int, ${f.message}::text, ${f.article}::text)`,
      );
    await db.execute(
      sql`insert into findings (org_id, path, kind, severity, urgency, date, days, message, article)
          select v.org_id, o.path, v.kind, v.severity, v.urgency, v.date, v.days, v.message, v.article
          from (values ${sql.join(rows, sql`, `)}) as v (org_id, kind, severity, urgency, date, days, message, article)
          join orgs o on o.id = v.org_id`,
    );
  }
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
)}]::text[], f.kind)`;

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
  }>(
    db,
    sql`select f.org_id, o.name, o.kind as org_kind, f.path::text as path, f.kind, f.severity, f.date::text as date,
               f.days, f.message, f.article
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
