import { type SQLChunk, sql } from 'drizzle-orm';
import { STAT_KEYS } from '../../../domain/membership/index.ts';
import { ORG_KINDS, type OrgKind } from '../../../domain/org/index.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { SUBTREE_KEYS, type SubtreeKey } from '../../db/tables/stats.ts';

/**
 * The subtree rollup (org_subtree_stats) and its log. Every org's OWN vector is its org_stats row (members)
 * plus 1 for its kind unless dissolved; a subtree's figures are the sum of its orgs' own vectors. The
 * rollup holds those sums as of the last refresh, with each org's vector and path as then counted
 * (org_stats_base); readers add, for the orgs logged since (org_stats_changes), their vector now at their
 * place now and take away their vector then at their place then. Exact in one snapshot, whatever the lag.
 */
export type SubtreeVector = Partial<Record<SubtreeKey, number>>;

const id = (k: string) => sql.identifier(k);
const list = (parts: SQLChunk[]) => sql.join(parts, sql`, `);

/** An org's own vector from `orgs o` left-joined to `org_stats s`. */
const OWN_VECTOR = list([
  ...STAT_KEYS.map((k) => sql`coalesce(s.${id(k)}, 0) as ${id(k)}`),
  ...ORG_KINDS.map((k) => sql`(o.kind = ${k} and o.dissolved_on is null)::int as ${id(`org_${k}`)}`),
]);

function toVector(row: Record<string, unknown>, prefix = ''): SubtreeVector {
  const v: SubtreeVector = {};
  for (const k of SUBTREE_KEYS) {
    const n = Number(row[prefix + k] ?? 0);
    if (n !== 0) v[k] = n;
  }
  return v;
}

export type SubtreeNode = {
  id: number;
  name: string;
  kind: OrgKind;
  dissolved: boolean;
  /** A direct child (else the org itself). */
  isChild: boolean;
  path: string;
  /** The path the last refresh counted it at; null for an org founded since. */
  basePath: string | null;
  /** The whole-subtree vector as of the last refresh. */
  refreshed: SubtreeVector;
};

export type SubtreeSnapshot = {
  nodes: SubtreeNode[];
  /** Changes logged since the last refresh, counted up to `countUpTo`. */
  pending: number;
  /** The logged orgs, now and as last counted (none when `countUpTo` or more wait). */
  log: FoldRow[];
  /** The day the age columns are counted as of (stats_meta). */
  ageAsOf: string | null;
};

const NODE_COLUMNS = list([
  ...SUBTREE_KEYS.map((k) => sql`t.${id(k)} as ${id(k)}`),
  ...SUBTREE_KEYS.map((k) => sql`null::int as ${id(`b_${k}`)}`),
]);
const LOG_COLUMNS = list([OWN_VECTOR, ...SUBTREE_KEYS.map((k) => sql`b.${id(k)} as ${id(`b_${k}`)}`)]);

/**
 * In one statement (one snapshot): the org and its direct children with their refreshed subtree sums and
 * paths; how many changes wait in the log; the day ages are counted as of; and `withLog`, the logged orgs
 * with their vector and path now and as then counted (when fewer than `countUpTo` wait). The caller adds
 * the logged changes to the sums: exact, in one round trip. Without the log the statement is much
 * smaller: read that way first, and again with the log only when something waits in it.
 */
export async function readSubtreeSnapshot(
  db: Db,
  orgId: number,
  countUpTo: number,
  withLog: boolean,
): Promise<SubtreeSnapshot> {
  const nodeRows = sql`select 'node' as row_type, o.id as row_id, o.name as row_name, o.kind as row_kind,
          o.dissolved_on is not null as row_dissolved, o.path::text as row_path, nb.path::text as row_base_path,
          (select n from pending) as row_pending,
          (select age_as_of::text from stats_meta where key = 'ages') as row_age_as_of,
          ${withLog ? NODE_COLUMNS : sql`t.*`}
        from orgs o left join org_subtree_stats t on t.org_id = o.id
          left join org_stats_base nb on nb.org_id = o.id
        where o.id = ${orgId} or o.parent_id = ${orgId}`;
  const log = sql`union all
        select 'log', c.org_id, null, o.kind, o.dissolved_on is not null, o.path::text, b.path::text,
          null, null, ${LOG_COLUMNS}
        from (select distinct org_id from org_stats_changes) c
          left join orgs o on o.id = c.org_id
          left join org_stats s on s.org_id = c.org_id
          left join org_stats_base b on b.org_id = c.org_id
        where (select n from pending) < ${countUpTo}`;
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`with pending as (select count(*)::int as n from (select 1 from org_stats_changes limit ${countUpTo}) x)
        ${nodeRows} ${withLog ? log : sql``}
        order by 1 desc, 2`,
  );
  const nodes = rows.filter((r) => r.row_type === 'node');
  const first = nodes[0];
  return {
    nodes: nodes.map((r) => ({
      id: Number(r.row_id),
      name: r.row_name as string,
      kind: r.row_kind as OrgKind,
      dissolved: r.row_dissolved === true,
      isChild: Number(r.row_id) !== orgId,
      path: r.row_path as string,
      basePath: (r.row_base_path as string | null) ?? null,
      refreshed: toVector(r),
    })),
    pending: Number(first?.row_pending ?? 0),
    log: rows
      .filter((r) => r.row_type === 'log')
      .map((r) => ({
        orgId: Number(r.row_id),
        path: (r.row_path as string | null) ?? null,
        own: r.row_path === null ? {} : toVector(r),
        basePath: (r.row_base_path as string | null) ?? null,
        base: toVector(r, 'b_'),
      })),
    ageAsOf: (first?.row_age_as_of as string | null | undefined) ?? null,
  };
}

export async function logOrgChanges(tx: Db, orgIds: readonly number[]): Promise<void> {
  if (orgIds.length === 0) return;
  await tx.execute(
    sql`insert into org_stats_changes (org_id) select unnest(${sql.param(orgIds.map(String))}::text[]::int[])`,
  );
}

/** Serializes refreshes and rebuilds (a transaction-level advisory lock); `wait` false: give up at once. */
export async function lockRefresh(tx: Db, wait: boolean): Promise<boolean> {
  const key = sql`hashtext('jiceng.org_subtree_stats')`;
  if (wait) {
    await tx.execute(sql`select pg_advisory_xact_lock(${key})`);
    return true;
  }
  const [row] = await queryRows<{ ok: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${key}) as ok`);
  return row?.ok === true;
}

/** Takes the logged changes (those committed so far): the orgs to fold in. */
export async function takeChanges(tx: Db): Promise<number[]> {
  const rows = await queryRows<{ org_id: number }>(tx, sql`delete from org_stats_changes returning org_id`);
  return [...new Set(rows.map((r) => Number(r.org_id)))];
}

export type FoldRow = {
  orgId: number;
  /** Null when the org no longer exists. */
  path: string | null;
  own: SubtreeVector;
  basePath: string | null;
  base: SubtreeVector;
};

/** For these orgs, in one snapshot: their vector and path now, and as last counted. */
export async function loadFoldRows(tx: Db, orgIds: readonly number[]): Promise<FoldRow[]> {
  const ids = sql`unnest(${sql.param(orgIds.map(String))}::text[]::int[])`;
  const rows = await queryRows<Record<string, unknown>>(
    tx,
    sql`with ids(org_id) as (select ${ids}),
        own as (select o.id as org_id, o.path::text as path, ${OWN_VECTOR}
                from ids join orgs o on o.id = ids.org_id left join org_stats s on s.org_id = o.id)
        select ids.org_id, own.path as path, b.path::text as base_path,
          ${list(SUBTREE_KEYS.map((k) => sql`own.${id(k)} as ${id(k)}`))},
          ${list(SUBTREE_KEYS.map((k) => sql`b.${id(k)} as ${id(`b_${k}`)}`))}
        from ids left join own on own.org_id = ids.org_id left join org_stats_base b on b.org_id = ids.org_id`,
  );
  return rows.map((r) => ({
    orgId: Number(r.org_id),
    path: (r.path as string | null) ?? null,
    own: toVector(r),
    basePath: (r.base_path as string | null) ?? null,
    base: toVector(r, 'b_'),
  }));
}

const arrayOf = (values: readonly (number | string)[], type: string) =>
  sql`${sql.param(values.map(String))}::text[]::${sql.raw(type)}[]`;

/** Adds each vector to its org's subtree row (creating it). */
export async function addToSubtrees(tx: Db, deltas: ReadonlyMap<number, SubtreeVector>): Promise<void> {
  if (deltas.size === 0) return;
  const ids = [...deltas.keys()].sort((a, b) => a - b);
  const arrays = [
    arrayOf(ids, 'int'),
    ...SUBTREE_KEYS.map((k) =>
      arrayOf(
        ids.map((i) => deltas.get(i)?.[k] ?? 0),
        'int',
      ),
    ),
  ];
  await tx.execute(
    sql`insert into org_subtree_stats (org_id, ${list(SUBTREE_KEYS.map((k) => id(k)))})
        select * from unnest(${list(arrays)})
        on conflict (org_id) do update set
        ${list(SUBTREE_KEYS.map((k) => sql`${id(k)} = org_subtree_stats.${id(k)} + excluded.${id(k)}`))}`,
  );
}

/** Records these orgs' vectors and paths as now counted (and forgets orgs that no longer exist). */
export async function setBases(tx: Db, rows: readonly FoldRow[]): Promise<void> {
  const kept = rows.filter((r) => r.path !== null);
  const gone = rows.filter((r) => r.path === null).map((r) => r.orgId);
  if (gone.length > 0) {
    await tx.execute(sql`delete from org_stats_base where org_id = any(${arrayOf(gone, 'int')})`);
  }
  if (kept.length === 0) return;
  const arrays = [
    arrayOf(
      kept.map((r) => r.orgId),
      'int',
    ),
    arrayOf(
      kept.map((r) => r.path as string),
      'ltree',
    ),
    ...SUBTREE_KEYS.map((k) =>
      arrayOf(
        kept.map((r) => r.own[k] ?? 0),
        'int',
      ),
    ),
  ];
  await tx.execute(
    sql`insert into org_stats_base (org_id, path, ${list(SUBTREE_KEYS.map((k) => id(k)))})
        select * from unnest(${list(arrays)})
        on conflict (org_id) do update set path = excluded.path,
        ${list(SUBTREE_KEYS.map((k) => sql`${id(k)} = excluded.${id(k)}`))}`,
  );
}

/**
 * Recounts the subtree rollup from org_stats and orgs: the log first (what was logged so far is counted
 * now; what commits later stays logged), then every org's vector, then the sums over each org's ancestors.
 */
export async function recountSubtrees(tx: Db): Promise<void> {
  await tx.execute(sql`delete from org_stats_changes`);
  await tx.execute(sql`delete from org_stats_base`);
  await tx.execute(
    sql`insert into org_stats_base (org_id, path, ${list(SUBTREE_KEYS.map((k) => id(k)))})
        select o.id, o.path, ${OWN_VECTOR} from orgs o left join org_stats s on s.org_id = o.id`,
  );
  await tx.execute(sql`delete from org_subtree_stats`);
  await tx.execute(
    sql`insert into org_subtree_stats (org_id, ${list(SUBTREE_KEYS.map((k) => id(k)))})
        select a.id::int, ${list(SUBTREE_KEYS.map((k) => sql`sum(b.${id(k)})`))}
        from org_stats_base b cross join lateral unnest(string_to_array(b.path::text, '.')) as a(id)
        group by a.id`,
  );
}
