import { type SQL, sql } from 'drizzle-orm';
import {
  type ComplianceRuleSet,
  type ComplianceUnit,
  DEFAULT_COMPLIANCE_RULES,
} from '../../../domain/org-life/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { type Db, queryRows } from '../../db/client.ts';

/**
 * The roll-up's tables (db/tables/compliance.ts): the marks the triggers leave (migrations 0032, 0037), the years
 * it holds, its rows and their subtree totals. SQL only; rollup.service.ts decides.
 */

/** Serializes the refreshes (a reader's, or the benchmark's) with one another. */
const ROLLUP_LOCK = sql`hashtext('jiceng.org_life_compliance')`;

/** Whether marks wait, and whether the roll-up holds `year`: one cheap read before every read of it. */
export async function readRollupState(db: Db, year: number): Promise<{ marked: boolean; held: boolean }> {
  const [row] = await queryRows<{ marked: boolean; held: boolean }>(
    db,
    sql`select exists (select 1 from org_life_dirty) as marked,
               exists (select 1 from org_life_compliance_years where year = ${year}) as held`,
  );
  return { marked: row?.marked === true, held: row?.held === true };
}

export async function lockRollup(db: Db): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${ROLLUP_LOCK})`);
}

/** Takes the committed marks: the orgs marked, or 'all' when a mark asks for every org. */
export async function takeMarks(db: Db): Promise<number[] | 'all'> {
  const rows = await queryRows<{ org_id: number | null }>(
    db,
    sql`delete from org_life_dirty returning org_id`,
  );
  if (rows.some((r) => r.org_id === null)) return 'all';
  return [...new Set(rows.map((r) => Number(r.org_id)))];
}

export async function heldYears(db: Db): Promise<number[]> {
  const rows = await queryRows<{ year: number }>(
    db,
    sql`select year from org_life_compliance_years order by year`,
  );
  return rows.map((r) => Number(r.year));
}

export async function addHeldYear(db: Db, year: number): Promise<void> {
  await db.execute(sql`insert into org_life_compliance_years (year) values (${year}) on conflict do nothing`);
}

export type UnitRow = ComplianceUnit & { readonly orgId: number; readonly path: string };
type Counts = { met: number; notClosed: number; unmet: number };

const BATCH = 10_000;

/** Runs `statement` on the JSON rows in batches of one statement each. */
async function inBatches(
  db: Db,
  rows: readonly unknown[][],
  statement: (json: string) => SQL,
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH)
    await db.execute(statement(JSON.stringify(rows.slice(i, i + BATCH))));
}

/**
 * Adds counts to the totals of every ancestor along `path` (not the org itself: its own row is read beside its
 * descendants' total), for one period key.
 */
function addAlong(totals: Map<string, Counts>, path: string, key: string, c: Counts, sign: 1 | -1): void {
  for (const id of path.split('.').slice(0, -1)) {
    const k = `${id}|${key}`;
    const t = totals.get(k) ?? { met: 0, notClosed: 0, unmet: 0 };
    t.met += sign * c.met;
    t.notClosed += sign * c.notClosed;
    t.unmet += sign * c.unmet;
    totals.set(k, t);
  }
}

/**
 * Replaces the rows of `year` of these orgs (every org: 'all') by `rows`, and brings the subtree totals along: the
 * old rows taken out of the totals of the ancestors they were counted under, the new ones added to those of their
 * org's path now (a moved org changes ancestors). With 'all', the year's totals are written anew.
 */
export async function replaceUnits(
  db: Db,
  orgIds: readonly number[] | 'all',
  year: number,
  rows: readonly UnitRow[],
): Promise<void> {
  const y = String(year).padStart(4, '0');
  const ofYear = sql`left(period_key, 4) = ${y}`;
  const totals = new Map<string, Counts>();
  if (orgIds === 'all') {
    await db.execute(sql`delete from org_life_compliance where ${ofYear}`);
    await db.execute(sql`delete from org_life_subtree where ${ofYear}`);
  } else {
    const old = await queryRows<{
      path: string;
      period_key: string;
      met: number;
      not_closed: number;
      unmet: number;
    }>(
      db,
      sql`delete from org_life_compliance
          where org_id = any(${`{${orgIds.join(',')}}`}::int[]) and ${ofYear}
          returning path::text as path, period_key, met, not_closed, unmet`,
    );
    for (const r of old)
      addAlong(totals, r.path, r.period_key, { met: r.met, notClosed: r.not_closed, unmet: r.unmet }, -1);
  }
  for (const r of rows) addAlong(totals, r.path, r.periodKey, r, 1);
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const col = (f: (r: UnitRow) => string | number) => `{${batch.map((r) => f(r)).join(',')}}`;
    await db.execute(
      sql`insert into org_life_compliance (org_id, path, period_key, met, not_closed, unmet)
          select o, p::ltree, k, m, n, u
          from unnest(${col((r) => r.orgId)}::int[], ${col((r) => r.path)}::text[], ${col((r) => r.periodKey)}::text[],
                      ${col((r) => r.met)}::int[], ${col((r) => r.notClosed)}::int[], ${col((r) => r.unmet)}::int[])
               as t(o, p, k, m, n, u)`,
    );
  }
  const deltas = [...totals]
    .filter(([, c]) => orgIds === 'all' || c.met !== 0 || c.notClosed !== 0 || c.unmet !== 0)
    .map(([k, c]) => {
      const [id, key] = k.split('|') as [string, string];
      return [Number(id), key, c.met, c.notClosed, c.unmet];
    });
  await inBatches(
    db,
    deltas,
    (json) => sql`insert into org_life_subtree (org_id, period_key, met, not_closed, unmet)
                  select (x->>0)::int, x->>1, (x->>2)::int, (x->>3)::int, (x->>4)::int
                  from json_array_elements(${json}::json) x
                  on conflict (org_id, period_key) do update
                    set met = org_life_subtree.met + excluded.met,
                        not_closed = org_life_subtree.not_closed + excluded.not_closed,
                        unmet = org_life_subtree.unmet + excluded.unmet`,
  );
}

export type NodeSum = {
  readonly orgId: number;
  readonly periodKey: string;
  readonly met: number;
  readonly notClosed: number;
  readonly unmet: number;
};

type SumRow = { org_id: number; period_key: string; met: number; not_closed: number; unmet: number };
const sumOf = (r: SumRow): NodeSum => ({
  orgId: Number(r.org_id),
  periodKey: r.period_key,
  met: Number(r.met),
  notClosed: Number(r.not_closed),
  unmet: Number(r.unmet),
});

/**
 * The totals of these orgs' descendants (an org's and its children's) for these period keys: one index lookup each.
 * An org's subtree is these and its own rows (ownSums).
 */
export async function subtreeSums(
  db: Db,
  orgIds: readonly number[],
  keys: readonly string[],
): Promise<NodeSum[]> {
  if (orgIds.length === 0) return [];
  const rows = await queryRows<SumRow>(
    db,
    sql`select org_id, period_key, met, not_closed, unmet from org_life_subtree
        where org_id = any(${`{${orgIds.join(',')}}`}::int[]) and period_key = any(${`{${keys.join(',')}}`}::text[])`,
  );
  return rows.map(sumOf);
}

/** These orgs' own rows (not their descendants') for these period keys. */
export async function ownSums(
  db: Db,
  orgIds: readonly number[],
  keys: readonly string[],
): Promise<NodeSum[]> {
  if (orgIds.length === 0) return [];
  const rows = await queryRows<SumRow>(
    db,
    sql`select org_id, period_key, met, not_closed, unmet from org_life_compliance
        where org_id = any(${`{${orgIds.join(',')}}`}::int[]) and period_key = any(${`{${keys.join(',')}}`}::text[])`,
  );
  return rows.map(sumOf);
}

/**
 * The rows of these period keys with a shortfall (a requirement unmet, or met only by meetings not closed), of the
 * orgs not dissolved by `date`: what the to-dos' daily pass counts.
 */
export async function shortfallUnits(
  db: Db,
  keys: readonly string[],
  date: IsoDate,
): Promise<(ComplianceUnit & { readonly orgId: number })[]> {
  if (keys.length === 0) return [];
  const rows = await queryRows<SumRow>(
    db,
    sql`select c.org_id, c.period_key, c.met, c.not_closed, c.unmet
        from org_life_compliance c join orgs o on o.id = c.org_id
        where c.period_key = any(${`{${keys.join(',')}}`}::text[]) and (c.not_closed > 0 or c.unmet > 0)
          and (o.dissolved_on is null or o.dissolved_on > ${date}::date)`,
  );
  return rows.map(sumOf);
}

type RuleSetRow = {
  version: string;
  valid_from: string;
  one_meeting_many_kinds: boolean;
  reminder_days: number;
  requirements: ComplianceRuleSet['requirements'];
};

/** The deployment's versions of the rules; the default (DEFAULT_COMPLIANCE_RULES) when none is stored. */
export async function loadRuleSets(db: Db): Promise<ComplianceRuleSet[]> {
  const rows = await queryRows<RuleSetRow>(
    db,
    sql`select version, valid_from::text as valid_from, one_meeting_many_kinds, reminder_days, requirements
        from org_life_rule_sets order by valid_from`,
  );
  if (rows.length === 0) return [DEFAULT_COMPLIANCE_RULES];
  return rows.map((r) => ({
    version: r.version,
    validFrom: r.valid_from as IsoDate,
    oneMeetingManyKinds: r.one_meeting_many_kinds,
    reminderDays: Number(r.reminder_days),
    requirements: r.requirements,
  }));
}
