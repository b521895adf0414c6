import type { z } from 'zod';
import type { RuleSetBody, RuleSetList, RuleSetView } from '../../../contracts/compliance.ts';
import { isBranchKind } from '../../../domain/org/index.ts';
import {
  type ComplianceRuleSet,
  checkRuleSetChangeable,
  checkRuleSetDraft,
  DEFAULT_COMPLIANCE_RULES,
  MEETING_KIND_LABELS,
  ruleSetStatus,
} from '../../../domain/org-life/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { found, holds, requirePermission } from '../../access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { enforce, staleVersion } from '../../errors.ts';
import { requirementLabel } from './compliance.views.ts';
import {
  deleteRuleSet,
  insertRuleSet,
  lockRuleSets,
  type StoredRuleSet,
  storedRuleSets,
  updateRuleSet,
} from './rules.repo.ts';

/*
 * The deployment's versions of the rules of organizational life (CFG, docs/organizational-life.md §7.2): read by
 * whoever reads organizational life (org_life.read) or keeps the deployment's parameters (settings.system, the
 * 系统管理员, who edits them in 参数配置 → 组织生活达标规则: deployment-wide, not scoped to an org). A version begins on
 * the first day of a month after today; the versions in force or past are history and never change. The roll-up
 * re-judges every org after any change of the table (the trigger of migration 0032 marks every org).
 */

type RuleSetInput = z.infer<typeof RuleSetBody>;

function setOf(input: RuleSetInput): ComplianceRuleSet {
  return {
    version: input.version,
    validFrom: input.validFrom as IsoDate,
    oneMeetingManyKinds: input.oneMeetingManyKinds,
    reminderDays: input.reminderDays,
    requirements: input.requirements.map((r) => ({ ...r, appliesTo: [...new Set(r.appliesTo)] })),
  };
}

function viewOf(
  sets: readonly ComplianceRuleSet[],
  set: ComplianceRuleSet,
  today: IsoDate,
  revision: number,
): z.infer<typeof RuleSetView> {
  const status = ruleSetStatus(sets, set, today);
  return {
    version: set.version,
    validFrom: set.validFrom,
    inForce: status === 'current',
    status,
    editable: revision > 0 && status === 'future',
    stored: revision > 0,
    revision,
    oneMeetingManyKinds: set.oneMeetingManyKinds,
    reminderDays: set.reminderDays,
    requirements: set.requirements.map((r) => ({
      id: r.id,
      label: requirementLabel([set], r.id) || MEETING_KIND_LABELS[r.meetingKind],
      meetingKind: r.meetingKind,
      cadence: r.cadence,
      minCount: r.minCount,
      appliesTo: r.appliesTo.filter(isBranchKind),
      needsCommittee: r.needsCommittee,
      perGroup: r.perGroup,
      byHead: r.byHead,
      article: r.article,
      local: r.local,
    })),
  };
}

/** The versions as stored (the default alone, revision 0, while none is). */
async function versions(db: Ctx['db']): Promise<StoredRuleSet[]> {
  const stored = await storedRuleSets(db);
  return stored.length > 0 ? stored : [{ ...DEFAULT_COMPLIANCE_RULES, revision: 0 }];
}

/**
 * `GET /api/compliance/rules`: the deployment's versions, each with its standing today (现行 / 历史 / 待生效) and
 * whether it may still change; `can.edit` for the 系统管理员 (settings.system).
 */
export async function complianceRules(ctx: Ctx): Promise<z.infer<typeof RuleSetList>> {
  const canEdit = holds(ctx, 'settings.system');
  if (!canEdit) requirePermission(ctx, 'org_life.read');
  const sets = await versions(ctx.db);
  return { items: sets.map((s) => viewOf(sets, s, ctx.today, s.revision)), can: { edit: canEdit } };
}

function auditedSet(set: ComplianceRuleSet): Record<string, unknown> {
  return {
    version: set.version,
    validFrom: set.validFrom,
    oneMeetingManyKinds: set.oneMeetingManyKinds,
    reminderDays: set.reminderDays,
    requirements: set.requirements,
  };
}

/**
 * `POST /api/compliance/rules`: a new version, from the first day of a month after today. The first in a
 * deployment that still judges by the default stores the default first, in the same transaction, so that the
 * periods already judged keep their rules. Audited.
 */
export async function createRuleSet(ctx: Ctx, input: RuleSetInput): Promise<z.infer<typeof RuleSetView>> {
  const role = requirePermission(ctx, 'settings.system');
  return inTransaction(ctx, async (tx) => {
    await lockRuleSets(tx.db);
    const stored = await storedRuleSets(tx.db);
    const set = setOf(input);
    enforce(
      checkRuleSetDraft(set, {
        today: tx.today,
        others: stored.length > 0 ? stored : [DEFAULT_COMPLIANCE_RULES],
      }),
    );
    if (stored.length === 0) {
      const kept = await insertRuleSet(tx.db, DEFAULT_COMPLIANCE_RULES, tx.at);
      await recordAudit(tx, {
        action: 'org_life.rule_set_create',
        entityType: 'org_life_rule_set',
        entityId: kept.version,
        role,
        after: auditedSet(kept),
        note: { keptAsHistory: true },
      });
    }
    const saved = await insertRuleSet(tx.db, set, tx.at);
    await recordAudit(tx, {
      action: 'org_life.rule_set_create',
      entityType: 'org_life_rule_set',
      entityId: saved.version,
      role,
      after: auditedSet(saved),
    });
    return viewOf(await storedRuleSets(tx.db), saved, tx.today, saved.revision);
  });
}

/** The stored version `name` (404 otherwise; the default, while none is stored, is there but history). */
async function storedVersion(db: Ctx['db'], name: string) {
  const sets = await versions(db);
  return {
    sets,
    current: found(
      sets.find((s) => s.version === name),
      '规则版本',
    ),
  };
}

/** `PUT /api/compliance/rules/:version`: a version not yet in force, at the revision read. Audited. */
export async function changeRuleSet(
  ctx: Ctx,
  input: RuleSetInput & { current: string; revision: number },
): Promise<z.infer<typeof RuleSetView>> {
  const role = requirePermission(ctx, 'settings.system');
  return inTransaction(ctx, async (tx) => {
    await lockRuleSets(tx.db);
    const { sets, current } = await storedVersion(tx.db, input.current);
    enforce(checkRuleSetChangeable(current, tx.today));
    if (current.revision !== input.revision) throw staleVersion();
    const set = setOf(input);
    enforce(
      checkRuleSetDraft(set, { today: tx.today, others: sets.filter((s) => s.version !== current.version) }),
    );
    const saved = await updateRuleSet(tx.db, current.version, input.revision, set, tx.at);
    if (!saved) throw staleVersion();
    await recordAudit(tx, {
      action: 'org_life.rule_set_update',
      entityType: 'org_life_rule_set',
      entityId: saved.version,
      role,
      before: auditedSet(current),
      after: auditedSet(saved),
    });
    return viewOf(await storedRuleSets(tx.db), saved, tx.today, saved.revision);
  });
}

/** `DELETE /api/compliance/rules/:version`: a version not yet in force. Audited. */
export async function removeRuleSet(ctx: Ctx, input: { version: string }): Promise<{ ok: true }> {
  const role = requirePermission(ctx, 'settings.system');
  return inTransaction(ctx, async (tx) => {
    await lockRuleSets(tx.db);
    const { current } = await storedVersion(tx.db, input.version);
    enforce(checkRuleSetChangeable(current, tx.today));
    await deleteRuleSet(tx.db, current.version);
    await recordAudit(tx, {
      action: 'org_life.rule_set_delete',
      entityType: 'org_life_rule_set',
      entityId: current.version,
      role,
      before: auditedSet(current),
    });
    return { ok: true as const };
  });
}
