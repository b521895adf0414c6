import type { z } from 'zod';
import type { DuesRuleSetBody, DuesRuleSetView, DuesRulesView } from '../../../contracts/dues-rules.ts';
import {
  checkDuesRuleSetChangeable,
  checkDuesRuleSetDraft,
  DEFAULT_DUES_RULES,
  DUES_REGULATION,
  type DuesRuleSet,
  duesRuleSetStatus,
  duesRulesInForce,
} from '../../../domain/dues/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { found, holds, requirePermission, scopeFor, scopeOf } from '../../access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { coversDeployment } from '../../db/scope.ts';
import { enforce, notFound, staleVersion } from '../../errors.ts';
import {
  deleteDuesRuleSet,
  insertDuesRuleSet,
  lockDuesRuleSets,
  type StoredDuesRuleSet,
  storedDuesRuleSets,
  updateDuesRuleSet,
} from './rules.repo.ts';

/*
 * 党费收缴标准: the deployment's versions of the dues rules (CFG, docs/dues.md §7), read by whoever reads dues
 * (dues.read) or keeps the deployment's parameters (settings.system); edited by the 系统管理员 of the whole deployment
 * in 参数配置 → 党费收缴标准 (a 系统管理员 of a part of the tree does not reach them: 404). A version begins on the
 * first day of a month after today; the versions in force or past are history and never change. Every member's
 * charges are recomputed after any change of the table (the trigger of migration 0042 marks them all), and each
 * month is charged by the version in force on its first day, so the months begun keep their amounts.
 */

type DuesRuleSetInput = z.infer<typeof DuesRuleSetBody>;
type View = z.infer<typeof DuesRuleSetView>;

function setOf(input: DuesRuleSetInput): DuesRuleSet {
  return {
    version: input.version,
    validFrom: input.validFrom as IsoDate,
    brackets: { employed: input.brackets.employed, retired: input.brackets.retired },
    flat: input.flat,
    rounding: input.rounding,
    mode: input.mode,
    chargeOrgOn: input.chargeOrgOn,
    backPaymentWarnMonths: input.backPaymentWarnMonths,
    centreThreshold: input.centreThreshold,
  };
}

/** The rules of a version, without its name, date or lock: what the audit row and the view carry. */
function rulesOf(set: DuesRuleSet) {
  return {
    brackets: {
      employed: set.brackets.employed.map((b) => ({ ...b })),
      retired: set.brackets.retired.map((b) => ({ ...b })),
    },
    flat: { ...set.flat },
    rounding: { ...set.rounding },
    mode: set.mode,
    chargeOrgOn: set.chargeOrgOn,
    backPaymentWarnMonths: set.backPaymentWarnMonths,
    centreThreshold: set.centreThreshold,
  };
}

function viewOf(sets: readonly DuesRuleSet[], set: StoredDuesRuleSet, today: IsoDate): View {
  const status = duesRuleSetStatus(sets, set, today);
  return {
    version: set.version,
    validFrom: set.validFrom,
    status,
    editable: set.revision > 0 && status === 'future',
    stored: set.revision > 0,
    revision: set.revision,
    ...rulesOf(set),
  };
}

const storesDefault = (stored: readonly DuesRuleSet[]) =>
  stored.some(
    (s) => s.version === DEFAULT_DUES_RULES.version || s.validFrom === DEFAULT_DUES_RULES.validFrom,
  );

/** The versions, oldest first: the stored ones, with the built-in default (revision 0) while it is not stored. */
async function versions(db: Db): Promise<StoredDuesRuleSet[]> {
  const stored = await storedDuesRuleSets(db);
  return storesDefault(stored) ? stored : [{ ...DEFAULT_DUES_RULES, revision: 0 }, ...stored];
}

/** Whether the actor keeps the deployment's parameters over the whole deployment (settings.system at the root). */
async function mayEdit(ctx: Ctx): Promise<boolean> {
  return holds(ctx, 'settings.system') && coversDeployment(ctx.db, scopeOf(ctx, 'settings.system'));
}

/** settings.system (403 otherwise) over the whole deployment (404 otherwise): the role for the audit row. */
async function requireEditor(ctx: Ctx) {
  const role = requirePermission(ctx, 'settings.system');
  if (!(await mayEdit(ctx))) throw notFound('党费收缴标准版本');
  return role;
}

/**
 * `GET /api/dues/rules`: every version with its standing today (现行 / 历史 / 待生效) and whether it may still
 * change, the one in force; `can.edit` for the 系统管理员 of the whole deployment.
 */
export async function duesRuleSets(ctx: Ctx): Promise<z.infer<typeof DuesRulesView>> {
  if (!holds(ctx, 'settings.system')) scopeFor(ctx, 'dues.read');
  const sets = await versions(ctx.db);
  return {
    versions: sets.map((s) => viewOf(sets, s, ctx.today)),
    inForce: duesRulesInForce(sets, ctx.today).version,
    regulation: DUES_REGULATION,
    can: { edit: await mayEdit(ctx) },
  };
}

const audited = (set: DuesRuleSet) => ({ version: set.version, validFrom: set.validFrom, ...rulesOf(set) });

/**
 * `POST /api/dues/rules`: a new version, from the first day of a month after today. The first in a deployment that
 * still charges by the default stores the default first, in the same transaction, as the history of the months
 * charged by it. Audited.
 */
export async function createDuesRuleSet(ctx: Ctx, input: DuesRuleSetInput): Promise<View> {
  const role = await requireEditor(ctx);
  return inTransaction(ctx, async (tx) => {
    await lockDuesRuleSets(tx.db);
    const stored = await storedDuesRuleSets(tx.db);
    const set = setOf(input);
    enforce(checkDuesRuleSetDraft(set, { today: tx.today, others: await versions(tx.db) }));
    if (!storesDefault(stored)) {
      const kept = await insertDuesRuleSet(tx.db, DEFAULT_DUES_RULES, tx.audit.actorId, tx.at);
      await recordAudit(tx, {
        action: 'dues.rule_set_create',
        entityType: 'dues_rule_set',
        entityId: kept.version,
        role,
        after: audited(kept),
        note: { keptAsHistory: true },
      });
    }
    const saved = await insertDuesRuleSet(tx.db, set, tx.audit.actorId, tx.at);
    await recordAudit(tx, {
      action: 'dues.rule_set_create',
      entityType: 'dues_rule_set',
      entityId: saved.version,
      role,
      after: audited(saved),
    });
    return viewOf(await versions(tx.db), saved, tx.today);
  });
}

/** The version named so (404 otherwise; the default, while not stored, is there but history). */
async function versionNamed(db: Db, name: string) {
  const sets = await versions(db);
  return {
    sets,
    current: found(
      sets.find((s) => s.version === name),
      '党费收缴标准版本',
    ),
  };
}

/** `PUT /api/dues/rules/:version`: a version not yet in force, at the revision read (409 otherwise). Audited. */
export async function changeDuesRuleSet(
  ctx: Ctx,
  input: DuesRuleSetInput & { current: string; revision: number },
): Promise<View> {
  const role = await requireEditor(ctx);
  return inTransaction(ctx, async (tx) => {
    await lockDuesRuleSets(tx.db);
    const { sets, current } = await versionNamed(tx.db, input.current);
    enforce(checkDuesRuleSetChangeable(current, tx.today));
    if (current.revision !== input.revision) throw staleVersion();
    const set = setOf(input);
    const others = sets.filter((s) => s.version !== current.version);
    enforce(checkDuesRuleSetDraft(set, { today: tx.today, others }));
    const saved = await updateDuesRuleSet(tx.db, current.version, input.revision, set);
    if (!saved) throw staleVersion();
    await recordAudit(tx, {
      action: 'dues.rule_set_update',
      entityType: 'dues_rule_set',
      entityId: saved.version,
      role,
      before: audited(current),
      after: audited(saved),
    });
    return viewOf(await versions(tx.db), saved, tx.today);
  });
}

/** `DELETE /api/dues/rules/:version`: a version not yet in force. Audited. */
export async function removeDuesRuleSet(ctx: Ctx, input: { version: string }): Promise<{ ok: true }> {
  const role = await requireEditor(ctx);
  return inTransaction(ctx, async (tx) => {
    await lockDuesRuleSets(tx.db);
    const { current } = await versionNamed(tx.db, input.version);
    enforce(checkDuesRuleSetChangeable(current, tx.today));
    await deleteDuesRuleSet(tx.db, current.version);
    await recordAudit(tx, {
      action: 'dues.rule_set_delete',
      entityType: 'dues_rule_set',
      entityId: current.version,
      role,
      before: audited(current),
    });
    return { ok: true as const };
  });
}
