import { and, asc, eq, sql } from 'drizzle-orm';
import type { ComplianceRuleSet } from '../../../domain/org-life/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import type { Db } from '../../db/client.ts';
import { orgLifeRuleSets } from '../../db/tables/compliance.ts';

/** The stored versions of the rules of organizational life (org_life_rule_sets), as edited. SQL only. */

export type StoredRuleSet = ComplianceRuleSet & { readonly revision: number };

const RULE_SETS_LOCK = sql`hashtext('jiceng.org_life_rule_sets')`;

/** Orders the edits of the versions (two first edits would both store the default; names and dates stay unique). */
export async function lockRuleSets(db: Db): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${RULE_SETS_LOCK})`);
}

function setOf(row: typeof orgLifeRuleSets.$inferSelect): StoredRuleSet {
  return {
    version: row.version,
    validFrom: row.validFrom as IsoDate,
    oneMeetingManyKinds: row.oneMeetingManyKinds,
    reminderDays: row.reminderDays,
    requirements: row.requirements,
    revision: row.revision,
  };
}

/** The stored versions, oldest first; none when the deployment still judges by the default. */
export async function storedRuleSets(db: Db): Promise<StoredRuleSet[]> {
  const rows = await db.select().from(orgLifeRuleSets).orderBy(asc(orgLifeRuleSets.validFrom));
  return rows.map(setOf);
}

export async function insertRuleSet(db: Db, set: ComplianceRuleSet, at: Date): Promise<StoredRuleSet> {
  const [row] = await db
    .insert(orgLifeRuleSets)
    .values({
      version: set.version,
      validFrom: set.validFrom,
      oneMeetingManyKinds: set.oneMeetingManyKinds,
      reminderDays: set.reminderDays,
      requirements: [...set.requirements],
      createdAt: at,
      updatedAt: at,
      revision: 1,
    })
    .returning();
  if (!row) throw new Error('org_life_rule_sets: insert returned no row');
  return setOf(row);
}

/** Saves the version named `name` at the revision read; null when it changed since (or is gone). */
export async function updateRuleSet(
  db: Db,
  name: string,
  revision: number,
  set: ComplianceRuleSet,
  at: Date,
): Promise<StoredRuleSet | null> {
  const [row] = await db
    .update(orgLifeRuleSets)
    .set({
      version: set.version,
      validFrom: set.validFrom,
      oneMeetingManyKinds: set.oneMeetingManyKinds,
      reminderDays: set.reminderDays,
      requirements: [...set.requirements],
      revision: revision + 1,
      updatedAt: at,
    })
    .where(and(eq(orgLifeRuleSets.version, name), eq(orgLifeRuleSets.revision, revision)))
    .returning();
  return row ? setOf(row) : null;
}

export async function deleteRuleSet(db: Db, name: string): Promise<void> {
  await db.delete(orgLifeRuleSets).where(eq(orgLifeRuleSets.version, name));
}
