import { BRANCH_KINDS, type OrgKind } from '../org/index.ts';
import { allow, type Decision, deny, type IsoDate } from '../shared/index.ts';
import {
  type ComplianceRuleSet,
  MEETING_KINDS,
  type MeetingKind,
  ruleSetInForce,
} from './compliance-rules.ts';
import type { OrgLifeReason } from './reasons.ts';

/*
 * Editing the deployment's versions of the rules of organizational life (docs/organizational-life.md §7.2).
 * A period of a requirement is judged by the version in force on its own first day, so a version may only begin on
 * the first day of a month after today: the periods already begun (this month, this quarter, this year) keep the
 * version they began under. The versions in force or past are history and never change; a version not yet in force
 * may be changed or deleted.
 */

/** Whether a version is the one in force today, a past one (history) or one not yet in force. */
export type RuleSetStatus = 'current' | 'history' | 'future';

export const RULE_SET_STATUS_LABELS: Record<RuleSetStatus, string> = {
  current: '现行',
  history: '历史',
  future: '待生效',
};

/** Where a version stands today among the deployment's versions (docs/organizational-life.md §7.2). */
export function ruleSetStatus(
  sets: readonly ComplianceRuleSet[],
  set: ComplianceRuleSet,
  today: IsoDate,
): RuleSetStatus {
  if (set.validFrom > today) return 'future';
  return ruleSetInForce(sets, today)?.version === set.version ? 'current' : 'history';
}

/** The bounds of a version's numbers (docs/organizational-life.md §7.2): a minimum per period, the reminder days. */
export const RULE_SET_LIMITS = {
  minCount: { min: 1, max: 31 },
  reminderDays: { min: 0, max: 60 },
} as const;

const ARTICLE = 'docs/organizational-life.md §7.2';
const CADENCE_VALUES: readonly string[] = ['month', 'quarter', 'year'];

/**
 * Only a version not yet in force may be changed or deleted (docs/organizational-life.md §7.2): the versions in force
 * or past have judged periods already, and those periods keep the rules they were judged by.
 */
export function checkRuleSetChangeable(set: ComplianceRuleSet, today: IsoDate): Decision<OrgLifeReason> {
  return set.validFrom > today
    ? allow
    : deny(
        'rule_set_not_editable',
        `版本“${set.version}”自${set.validFrom}起已生效，是考核已开始期间的依据，不能修改或删除；如需调整，请新建一个今后生效的版本`,
        { article: ARTICLE },
      );
}

/** The date a new or changed version begins: the first day of a month after today (docs/organizational-life.md §7.2). */
export function checkRuleSetValidFrom(validFrom: IsoDate, today: IsoDate): Decision<OrgLifeReason> {
  if (!/^\d{4}-\d{2}-01$/.test(validFrom))
    return deny(
      'rule_set_valid_from_not_month_start',
      '生效日期须为某月1日：每个考核期间（月、季度、年）按其第一天适用的版本考核，版本从月初开始才不会把一个期间分在两个版本之间',
      { article: ARTICLE },
    );
  if (validFrom <= today)
    return deny(
      'rule_set_valid_from_not_future',
      '生效日期须晚于今天：已经开始的考核期间按其开始时的规则考核，不能改写',
      { article: ARTICLE },
    );
  return allow;
}

const FLAGS: readonly {
  readonly flag: 'perGroup' | 'needsCommittee' | 'byHead';
  readonly kind: MeetingKind;
  readonly message: string;
}[] = [
  { flag: 'perGroup', kind: 'group_meeting', message: '只有党小组会按党小组分别考核' },
  { flag: 'needsCommittee', kind: 'committee_meeting', message: '只有支部委员会会议限于设支委会的党支部' },
  { flag: 'byHead', kind: 'party_lecture', message: '只有党课可以要求由书记讲授' },
];

/**
 * The requirements of a version (docs/organizational-life.md §1, §7.2): at least one; ids unique (an exemption names
 * its requirement by id); a known meeting kind and cadence; a minimum of 1 to 31 a period; applying to 党支部 kinds
 * only (only they hold these meetings), at least one. The flags belong to one kind each: per 党小组 to the 党小组会
 * (which only a 党小组 holds, so it is always counted per group), a committee to the 支委会, the 书记 to the 党课.
 */
export function checkRequirements(set: ComplianceRuleSet): Decision<OrgLifeReason> {
  if (set.requirements.length === 0)
    return deny('rule_set_no_requirements', '一个版本至少应有一项考核要求', { article: ARTICLE });
  const seen = new Set<string>();
  for (const [index, r] of set.requirements.entries()) {
    const at = { article: ARTICLE, details: { index } };
    const n = `第${index + 1}项要求`;
    if (r.id.trim() === '' || seen.has(r.id))
      return deny('rule_set_requirement_duplicate', `${n}的标识“${r.id}”为空或与其他要求重复`, at);
    seen.add(r.id);
    if (!(MEETING_KINDS as readonly string[]).includes(r.meetingKind) || !CADENCE_VALUES.includes(r.cadence))
      return deny('rule_set_requirement_invalid', `${n}的会议类型或周期不在规定的范围内`, at);
    const { min, max } = RULE_SET_LIMITS.minCount;
    if (!Number.isInteger(r.minCount) || r.minCount < min || r.minCount > max)
      return deny('rule_set_min_count_out_of_range', `${n}的最少次数须为${min}至${max}之间的整数`, at);
    const kinds: readonly OrgKind[] = BRANCH_KINDS;
    if (r.appliesTo.length === 0 || r.appliesTo.some((k) => !kinds.includes(k)))
      return deny(
        'rule_set_applies_to_invalid',
        `${n}的适用组织须至少选择一类党支部（党支部、联合党支部、临时党支部、流动党员党支部）`,
        at,
      );
    if (new Set(r.appliesTo).size !== r.appliesTo.length)
      return deny('rule_set_applies_to_invalid', `${n}的适用组织有重复`, at);
    for (const { flag, kind, message } of FLAGS) {
      if (r[flag] && r.meetingKind !== kind)
        return deny('rule_set_requirement_flag_mismatch', `${n}：${message}`, at);
    }
    if (r.meetingKind === 'group_meeting' && !r.perGroup)
      return deny(
        'rule_set_requirement_flag_mismatch',
        `${n}：党小组会只能由党小组召开，须按党小组分别考核`,
        at,
      );
  }
  return allow;
}

/**
 * A new or changed version among the others (docs/organizational-life.md §7.2): a name, unique; a start date unique,
 * on the first day of a month after today; the reminder days 0 to 60; its requirements (checkRequirements).
 * `others` are the stored versions without the one changed.
 */
export function checkRuleSetDraft(
  set: ComplianceRuleSet,
  context: { readonly today: IsoDate; readonly others: readonly ComplianceRuleSet[] },
): Decision<OrgLifeReason> {
  if (set.version.trim() === '')
    return deny('rule_set_version_name_empty', '请填写版本名称', { article: ARTICLE });
  if (context.others.some((o) => o.version === set.version))
    return deny('rule_set_version_duplicate', `已有名为“${set.version}”的版本`, { article: ARTICLE });
  const date = checkRuleSetValidFrom(set.validFrom, context.today);
  if (!date.ok) return date;
  const same = context.others.find((o) => o.validFrom === set.validFrom);
  if (same)
    return deny(
      'rule_set_valid_from_duplicate',
      `版本“${same.version}”已从${set.validFrom}起生效，请选择其他月份`,
      {
        article: ARTICLE,
      },
    );
  const { min, max } = RULE_SET_LIMITS.reminderDays;
  if (!Number.isInteger(set.reminderDays) || set.reminderDays < min || set.reminderDays > max)
    return deny('rule_set_reminder_days_out_of_range', `提前提醒天数须为${min}至${max}之间的整数`, {
      article: ARTICLE,
    });
  return checkRequirements(set);
}
