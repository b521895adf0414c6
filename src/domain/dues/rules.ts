import type { MemberCategory } from '../membership/index.ts';
import type { IsoDate } from '../shared/index.ts';
import type { BasisPoints, Fen } from './money.ts';

/**
 * The dues rules as versioned data (docs/dues.md §3, §7; 中组发〔2008〕3号 第二、五、六条): what the code computes
 * every charge from. A deployment may store later versions (the province's amount for 农民党员, the rounding, the
 * mode); each month is charged by the version in force on its first day.
 */

/** One bracket: the base up to `upTo` 分 **inclusive** (null: no upper bound) takes `rateBp` on the whole base. */
export type DuesBracket = { readonly upTo: Fen | null; readonly rateBp: BasisPoints };

/** What the amount is rounded to, and how (docs/dues.md §3: no rule found [?], CFG, default to the 分). */
export const ROUNDING_UNITS = ['fen', 'jiao', 'yuan'] as const;
export type RoundingUnit = (typeof ROUNDING_UNITS)[number];
export const ROUNDING_UNIT_LABELS: Record<RoundingUnit, string> = { fen: '分', jiao: '角', yuan: '元' };
export const ROUNDING_MODES = ['half_up', 'up', 'down'] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];
export const ROUNDING_MODE_LABELS: Record<RoundingMode, string> = {
  half_up: '四舍五入',
  up: '进位',
  down: '舍去',
};

/**
 * How a change of pay reaches the dues (docs/dues.md §2, CFG; mutually exclusive): `rebase` from the month the new
 * pay is first received (第十条), or `fixed_year` — the amount fixed for the year from the base in force at its
 * first charged month, changed at the next year (中央和国家机关 practice).
 */
export const DUES_MODES = ['rebase', 'fixed_year'] as const;
export type DuesMode = (typeof DUES_MODES)[number];
export const DUES_MODE_LABELS: Record<DuesMode, string> = {
  rebase: '按月调整（自收入变化当月起按新基数）',
  fixed_year: '按年核定（年初核定全年月缴额）',
};

/**
 * Where a member transferred during a month owes that month (docs/dues.md §4, CFG): the org that held the relation on
 * the month's first day (default), or on its last day.
 */
export const CHARGE_ORG_RULES = ['first_day', 'last_day'] as const;
export type ChargeOrgRule = (typeof CHARGE_ORG_RULES)[number];
export const CHARGE_ORG_RULE_LABELS: Record<ChargeOrgRule, string> = {
  first_day: '按当月1日所在党支部',
  last_day: '按当月末所在党支部',
};

/** The categories that pay a fixed small amount a month, not a share of a base (第六条). */
export const FLAT_CATEGORIES = ['farmer', 'student', 'unemployed', 'welfare'] as const;
export type FlatCategory = (typeof FLAT_CATEGORIES)[number];

export type DuesRuleSet = {
  readonly version: string;
  /** The first day of the first month it applies to. */
  readonly validFrom: IsoDate;
  /** 在职 (and 个体经营, 其他: their previous quarter's average, 第四条) and 离退休 (第五条). */
  readonly brackets: { readonly employed: readonly DuesBracket[]; readonly retired: readonly DuesBracket[] };
  /** The monthly amount of each flat category (第六条): 农民 0.2–1 元 as the province sets it; the others 0.2 元. */
  readonly flat: Readonly<Record<FlatCategory, Fen>>;
  readonly rounding: { readonly unit: RoundingUnit; readonly mode: RoundingMode };
  readonly mode: DuesMode;
  readonly chargeOrgOn: ChargeOrgRule;
  /** Back payment or prepayment covering more months than this WARNs (docs/dues.md §4: normally at most 6). */
  readonly backPaymentWarnMonths: number;
  /** A voluntary one-off payment of at least this goes wholly to the centre (第十一条: 1,000 元). */
  readonly centreThreshold: Fen;
};

export const DUES_REGULATION = '关于中国共产党党费收缴、使用和管理的规定（中组发〔2008〕3号）';

/** The national rules from 2008-04-01 (docs/dues.md §3). */
export const DEFAULT_DUES_RULES: DuesRuleSet = {
  version: '2008-中组发3号',
  validFrom: '2008-04-01',
  brackets: {
    employed: [
      { upTo: 300_000, rateBp: 50 },
      { upTo: 500_000, rateBp: 100 },
      { upTo: 1_000_000, rateBp: 150 },
      { upTo: null, rateBp: 200 },
    ],
    retired: [
      { upTo: 500_000, rateBp: 50 },
      { upTo: null, rateBp: 100 },
    ],
  },
  flat: { farmer: 20, student: 20, unemployed: 20, welfare: 20 },
  rounding: { unit: 'fen', mode: 'half_up' },
  mode: 'rebase',
  chargeOrgOn: 'first_day',
  backPaymentWarnMonths: 6,
  centreThreshold: 100_000,
};

/** The version in force on `day`: the latest whose `validFrom` is not after it (the default before any). */
export function duesRulesInForce(sets: readonly DuesRuleSet[], day: IsoDate): DuesRuleSet {
  let current: DuesRuleSet = DEFAULT_DUES_RULES;
  for (const set of sets) {
    if (set.validFrom <= day && set.validFrom >= current.validFrom) current = set;
  }
  return current;
}

/** Which brackets a category's base takes; null for the flat categories (第二、四、五、六条). */
export function bracketsFor(rules: DuesRuleSet, category: MemberCategory): readonly DuesBracket[] | null {
  if (category === 'retired') return rules.brackets.retired;
  if ((FLAT_CATEGORIES as readonly string[]).includes(category)) return null;
  return rules.brackets.employed;
}
