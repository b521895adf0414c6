import type { MemberCategory } from '../membership/index.ts';
import type { OrgFinding } from '../org/index.ts';
import { type MonthKey, monthLabel, monthStart } from './months.ts';
import { DUES_REGULATION, FLAT_CATEGORIES } from './rules.ts';

/**
 * 未核定基数 (docs/dues.md §8): a member who owes a month in a percentage category (在职, 离退休, 个体经营, 其他:
 * 第一条, 第四条, 第五条) without a base on record owes an amount that cannot be computed; the 党支部 they owe it to is
 * asked to set their base. Only the current month is asked for: the base once set, the earlier months held are
 * recomputed from its first month on, and the sheets list any month still missing apart.
 */

export const BASE_MISSING_ARTICLE = `${DUES_REGULATION}第一条、第四条、第五条`;

/** How many names the to-do spells out before 等. */
export const BASE_MISSING_NAMES_SHOWN = 5;

/** Whether a category owes a share of a base, not a flat amount (第二、四、五、六条; rules.ts `bracketsFor`). */
export function needsBase(category: MemberCategory): boolean {
  return !(FLAT_CATEGORIES as readonly string[]).includes(category);
}

/**
 * The to-do of a 党支部 whose members owe `month` without a base (docs/dues.md §8): one for the branch, counting them
 * and naming the first few (`names`, at most BASE_MISSING_NAMES_SHOWN are used), with the month as its date; none
 * when there are none. A warning: nothing is lost while the base is missing, but no charge exists to pay.
 */
export function baseMissingFinding(
  month: MonthKey,
  members: { readonly count: number; readonly names: readonly string[] },
): OrgFinding | null {
  if (members.count === 0) return null;
  const shown = members.names.slice(0, BASE_MISSING_NAMES_SHOWN);
  const names = `${shown.join('、')}${members.count > shown.length ? '等' : ''}`;
  return {
    kind: 'dues_base_missing',
    severity: 'warning',
    message: `${members.count}名党员未核定党费计算基数（${names}），${monthLabel(month)}应缴党费无法计算，请在“党费基数”中按其收入核定`,
    article: BASE_MISSING_ARTICLE,
    date: monthStart(month),
    days: null,
  };
}
