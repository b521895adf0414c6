import { MEMBER_CATEGORY_LABELS } from '../membership/index.ts';
import { allow, type Decision, deny, type IsoDate } from '../shared/index.ts';
import { BASIS_POINTS } from './money.ts';
import type { DuesReason } from './reasons.ts';
import {
  CHARGE_ORG_RULES,
  DUES_MODES,
  type DuesBracket,
  type DuesRuleSet,
  duesRulesInForce,
  FLAT_CATEGORIES,
  ROUNDING_MODES,
  ROUNDING_UNITS,
} from './rules.ts';

/*
 * Editing the deployment's versions of the dues rules (docs/dues.md §7). Each month is charged by the version in
 * force on its first day, so a version may only begin on the first day of a month after today: the months begun
 * (this one) and past keep the version they were charged by. The versions in force or past are history and never
 * change; a version not yet in force may be changed or deleted.
 */

/** Whether a version is the one in force today (现行), a past one (历史) or one not yet in force (待生效). */
export type DuesRuleSetStatus = 'current' | 'history' | 'future';

export const DUES_RULE_SET_STATUS_LABELS: Record<DuesRuleSetStatus, string> = {
  current: '现行',
  history: '历史',
  future: '待生效',
};

/** Where a version stands today among the deployment's versions (docs/dues.md §7). */
export function duesRuleSetStatus(
  sets: readonly DuesRuleSet[],
  set: DuesRuleSet,
  today: IsoDate,
): DuesRuleSetStatus {
  if (set.validFrom > today) return 'future';
  return duesRulesInForce(sets, today).version === set.version ? 'current' : 'history';
}

/**
 * The bounds of a version's numbers (docs/dues.md §7): a rate above 0 and at most the whole base (10,000 基点); a
 * flat amount of 0 to 100 元 a month; a bracket's bound of at most 100 million 元; the back-payment warning after 1
 * to 120 months; the centre threshold above 0.
 */
export const DUES_RULE_SET_LIMITS = {
  rateBp: { min: 1, max: BASIS_POINTS },
  flat: { min: 0, max: 10_000 },
  upTo: { min: 1, max: 10_000_000_000 },
  brackets: { max: 20 },
  backPaymentWarnMonths: { min: 1, max: 120 },
  centreThreshold: { min: 1, max: 10_000_000_000 },
} as const;

const ARTICLE = 'docs/dues.md §7';
const at = (details?: Record<string, unknown>) => ({ article: ARTICLE, ...(details ? { details } : {}) });
const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);
const within = (n: unknown, b: { readonly min: number; readonly max: number }) =>
  isInt(n) && n >= b.min && n <= b.max;

/** Only a version not yet in force may be changed or deleted (docs/dues.md §7): the others have charged months. */
export function checkDuesRuleSetChangeable(set: DuesRuleSet, today: IsoDate): Decision<DuesReason> {
  return set.validFrom > today
    ? allow
    : deny(
        'dues_rule_set_not_editable',
        `版本“${set.version}”自${set.validFrom}起已生效，是已开始月份应缴党费的依据，不能修改或删除；如需调整，请新建一个今后生效的版本`,
        at(),
      );
}

/** The date a new or changed version begins: the first day of a month after today (docs/dues.md §7). */
export function checkDuesRuleSetValidFrom(validFrom: IsoDate, today: IsoDate): Decision<DuesReason> {
  if (!/^\d{4}-(0[1-9]|1[0-2])-01$/.test(validFrom))
    return deny(
      'dues_rule_set_valid_from_not_month_start',
      '生效日期须为某月1日：每个月的应缴党费按该月1日适用的版本计算',
      at(),
    );
  if (validFrom <= today)
    return deny(
      'dues_rule_set_valid_from_not_future',
      '生效日期须晚于今天：本月及以前各月的应缴党费按当时的标准计算，不能改写',
      at(),
    );
  return allow;
}

const TABLE_LABELS = { employed: '在职党员', retired: '离退休党员' } as const;

/**
 * One table of brackets (第二、五条): 1 to 20 brackets in ascending order, each bound a whole number of 分 strictly
 * above the one before, the last without a bound (it takes every base above); each rate above 0 and at most 100%.
 */
export function checkBrackets(
  table: keyof typeof TABLE_LABELS,
  brackets: readonly DuesBracket[],
): Decision<DuesReason> {
  const name = TABLE_LABELS[table];
  if (brackets.length === 0 || brackets.length > DUES_RULE_SET_LIMITS.brackets.max)
    return deny(
      'dues_rule_set_brackets_invalid',
      `${name}的交纳比例须有1至${DUES_RULE_SET_LIMITS.brackets.max}档`,
      at({ table }),
    );
  let previous = 0;
  for (const [index, b] of brackets.entries()) {
    const n = `${name}第${index + 1}档`;
    const last = index === brackets.length - 1;
    if (last && b.upTo !== null)
      return deny(
        'dues_rule_set_brackets_invalid',
        `${name}的最后一档不应有上限（适用于以上全部基数）`,
        at({ table, index }),
      );
    if (!last && b.upTo === null)
      return deny(
        'dues_rule_set_brackets_invalid',
        `${n}须有上限：只有最后一档不设上限`,
        at({ table, index }),
      );
    if (b.upTo !== null) {
      if (!within(b.upTo, DUES_RULE_SET_LIMITS.upTo))
        return deny('dues_rule_set_brackets_invalid', `${n}的上限金额不正确`, at({ table, index }));
      if (b.upTo <= previous)
        return deny(
          'dues_rule_set_brackets_invalid',
          `${n}的上限须高于上一档：各档按基数从低到高排列`,
          at({ table, index }),
        );
      previous = b.upTo;
    }
    if (!within(b.rateBp, DUES_RULE_SET_LIMITS.rateBp))
      return deny(
        'dues_rule_set_rate_out_of_range',
        `${n}的交纳比例须大于0且不超过100%`,
        at({ table, index }),
      );
  }
  return allow;
}

/**
 * The numbers of a version (docs/dues.md §3, §4, §7): its two tables of brackets; each flat amount a whole number
 * of 分 from 0 to 100 元; the rounding, the mode and the org a transferred member owes to from their closed lists;
 * the back-payment warning 1 to 120 months; the centre threshold above 0.
 */
export function checkDuesRules(set: DuesRuleSet): Decision<DuesReason> {
  for (const table of ['employed', 'retired'] as const) {
    const d = checkBrackets(table, set.brackets[table]);
    if (!d.ok) return d;
  }
  for (const category of FLAT_CATEGORIES) {
    if (!within(set.flat[category], DUES_RULE_SET_LIMITS.flat))
      return deny(
        'dues_rule_set_flat_amount_invalid',
        `${MEMBER_CATEGORY_LABELS[category]}党员每月交纳的金额须为0至100元`,
        at({ category }),
      );
  }
  if (
    !(ROUNDING_UNITS as readonly string[]).includes(set.rounding.unit) ||
    !(ROUNDING_MODES as readonly string[]).includes(set.rounding.mode)
  )
    return deny('dues_rule_set_rounding_invalid', '取整单位或取整方式不在规定的范围内', at());
  if (
    !(DUES_MODES as readonly string[]).includes(set.mode) ||
    !(CHARGE_ORG_RULES as readonly string[]).includes(set.chargeOrgOn)
  )
    return deny('dues_rule_set_mode_invalid', '基数调整方式或转接当月的交纳组织不在规定的范围内', at());
  const months = DUES_RULE_SET_LIMITS.backPaymentWarnMonths;
  if (!within(set.backPaymentWarnMonths, months))
    return deny(
      'dues_rule_set_warn_months_out_of_range',
      `补交、预交提醒的月数须为${months.min}至${months.max}之间的整数`,
      at(),
    );
  if (!within(set.centreThreshold, DUES_RULE_SET_LIMITS.centreThreshold))
    return deny('dues_rule_set_centre_threshold_invalid', '全额上缴中央的金额须大于0', at());
  return allow;
}

/**
 * A new or changed version among the others (docs/dues.md §7): a name, unique; a start date unique, on the first
 * day of a month after today; its numbers (checkDuesRules). `others` are the stored versions without the one changed
 * (the default among them while none is stored).
 */
export function checkDuesRuleSetDraft(
  set: DuesRuleSet,
  context: { readonly today: IsoDate; readonly others: readonly DuesRuleSet[] },
): Decision<DuesReason> {
  if (set.version.trim() === '') return deny('dues_rule_set_version_name_empty', '请填写版本名称', at());
  if (context.others.some((o) => o.version === set.version))
    return deny('dues_rule_set_version_duplicate', `已有名为“${set.version}”的版本`, at());
  const date = checkDuesRuleSetValidFrom(set.validFrom, context.today);
  if (!date.ok) return date;
  const same = context.others.find((o) => o.validFrom === set.validFrom);
  if (same)
    return deny(
      'dues_rule_set_valid_from_duplicate',
      `版本“${same.version}”已从${set.validFrom}起生效，请选择其他月份`,
      at(),
    );
  return checkDuesRules(set);
}
