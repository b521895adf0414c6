import { and, asc, eq, sql } from 'drizzle-orm';
import type { DuesRuleSet } from '../../../domain/dues/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import type { Db } from '../../db/client.ts';
import { duesRuleSets } from '../../db/tables/dues.ts';

/** The stored versions of the dues rules (dues_rule_sets, docs/dues.md §7), as edited. SQL only. */

export type StoredDuesRuleSet = DuesRuleSet & { readonly revision: number };

const RULE_SETS_LOCK = sql`hashtext('jiceng.dues_rule_sets')`;

/** Orders the edits of the versions (two first edits would both store the default; names and dates stay unique). */
export async function lockDuesRuleSets(db: Db): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${RULE_SETS_LOCK})`);
}

function setOf(row: typeof duesRuleSets.$inferSelect): StoredDuesRuleSet {
  return { ...row.rules, version: row.version, validFrom: row.validFrom as IsoDate, revision: row.revision };
}

/** What the `rules` column holds: the version less its name and date (as the charges read it). */
function rulesOf(set: DuesRuleSet): typeof duesRuleSets.$inferInsert.rules {
  return {
    brackets: { employed: [...set.brackets.employed], retired: [...set.brackets.retired] },
    flat: { ...set.flat },
    rounding: { ...set.rounding },
    mode: set.mode,
    chargeOrgOn: set.chargeOrgOn,
    backPaymentWarnMonths: set.backPaymentWarnMonths,
    centreThreshold: set.centreThreshold,
  };
}

/** The stored versions, oldest first; none when the deployment still charges by the default. */
export async function storedDuesRuleSets(db: Db): Promise<StoredDuesRuleSet[]> {
  const rows = await db.select().from(duesRuleSets).orderBy(asc(duesRuleSets.validFrom));
  return rows.map(setOf);
}

export async function insertDuesRuleSet(
  db: Db,
  set: DuesRuleSet,
  by: number | null,
  at: Date,
): Promise<StoredDuesRuleSet> {
  const [row] = await db
    .insert(duesRuleSets)
    .values({
      version: set.version,
      validFrom: set.validFrom,
      rules: rulesOf(set),
      createdBy: by,
      createdAt: at,
      revision: 1,
    })
    .returning();
  if (!row) throw new Error('dues_rule_sets: insert returned no row');
  return setOf(row);
}

/** Saves the version named `name` at the revision read; null when it changed since (or is gone). */
export async function updateDuesRuleSet(
  db: Db,
  name: string,
  revision: number,
  set: DuesRuleSet,
): Promise<StoredDuesRuleSet | null> {
  const [row] = await db
    .update(duesRuleSets)
    .set({ version: set.version, validFrom: set.validFrom, rules: rulesOf(set), revision: revision + 1 })
    .where(and(eq(duesRuleSets.version, name), eq(duesRuleSets.revision, revision)))
    .returning();
  return row ? setOf(row) : null;
}

export async function deleteDuesRuleSet(db: Db, name: string): Promise<void> {
  await db.delete(duesRuleSets).where(eq(duesRuleSets.version, name));
}
