import type { OrgKind } from '../org/index.ts';
import { allow, type Decision, deny } from '../shared/index.ts';
import { type ComplianceRuleSet, ruleSetInForce } from './compliance-rules.ts';
import { cadenceOf, parsePeriodKey, periodStart } from './periods.ts';
import type { OrgLifeReason } from './reasons.ts';

/** What an exemption is asked for: a requirement of an org in one of its periods, and a 党小组 when per group. */
export type ExemptionRequest = {
  readonly orgKind: OrgKind;
  readonly hasCommittee: boolean;
  readonly requirementId: string;
  readonly period: string;
  /** Whether a 党小组 is named, and whether it is one of the branch's. */
  readonly group: 'none' | 'own' | 'foreign';
};

/**
 * An exemption names a requirement that applies to the org in the version of the rules in force on the first day of
 * the period, a period of that requirement's cadence, and a 党小组 of the branch exactly when the requirement is
 * counted per group (docs/organizational-life.md §7.3). Its reason and approver are checked by checkExemption;
 * that the approver is of the level above is the caller's (the actor's scope).
 */
export function checkExemptionTarget(
  sets: readonly ComplianceRuleSet[],
  request: ExemptionRequest,
): Decision<OrgLifeReason> {
  const period = parsePeriodKey(request.period);
  const rules = period ? ruleSetInForce(sets, periodStart(period)) : null;
  const req = rules?.requirements.find((r) => r.id === request.requirementId);
  if (
    period === null ||
    !req ||
    !req.appliesTo.includes(request.orgKind) ||
    (req.needsCommittee && !request.hasCommittee)
  )
    return deny('exemption_unknown_requirement', '该组织在这一期间没有这项考核要求');
  if (cadenceOf(period) !== req.cadence)
    return deny('exemption_period_mismatch', '考核期间须与要求的周期一致（按月、按季度或按年）');
  if (req.perGroup ? request.group !== 'own' : request.group !== 'none')
    return deny(
      'exemption_group_mismatch',
      req.perGroup ? '按党小组考核的要求须选择本支部的党小组' : '这项要求不按党小组考核，不能选择党小组',
    );
  return allow;
}

/**
 * Only the level above approves (docs/organizational-life.md §7.3): the approver's scope must hold the org's parent,
 * not merely the org — a branch never exempts itself.
 */
export function checkExemptionApprover(coversParent: boolean): Decision<OrgLifeReason> {
  return coversParent
    ? allow
    : deny('exemption_not_level_above', '免于考核须由上级党组织批准，本组织不能为自己批准');
}

/** One exemption per requirement, period and group (docs/organizational-life.md §7.3). */
export function checkExemptionNew(alreadyExempt: boolean): Decision<OrgLifeReason> {
  return alreadyExempt ? deny('exemption_duplicate', '该期间的这项要求已免于考核') : allow;
}
