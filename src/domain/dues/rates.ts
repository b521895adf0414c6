import type { MemberCategory } from '../membership/index.ts';
import { BASIS_POINTS, type BasisPoints, type Fen } from './money.ts';
import {
  bracketsFor,
  type DuesRuleSet,
  FLAT_CATEGORIES,
  type FlatCategory,
  type RoundingMode,
  type RoundingUnit,
} from './rules.ts';

const UNIT_FEN: Record<RoundingUnit, number> = { fen: 1, jiao: 10, yuan: 100 };

/** `numerator / denominator` rounded by `mode`, in integers (both non-negative). */
function divide(numerator: number, denominator: number, mode: RoundingMode): number {
  const q = Math.floor(numerator / denominator);
  const r = numerator - q * denominator;
  if (r === 0 || mode === 'down') return q;
  if (mode === 'up') return q + 1;
  return 2 * r >= denominator ? q + 1 : q;
}

/**
 * The monthly dues on a base (docs/dues.md §3; 中组发〔2008〕3号 第二、五条): the rate of the bracket the **whole**
 * base falls in — upper bounds inclusive, never marginal — then rounded to the configured unit by the configured
 * mode, in one step from the exact product so that rounding never compounds.
 */
export function percentageDues(
  base: Fen,
  brackets: readonly { readonly upTo: Fen | null; readonly rateBp: BasisPoints }[],
  rounding: { readonly unit: RoundingUnit; readonly mode: RoundingMode },
): { amount: Fen; rateBp: BasisPoints } {
  if (!Number.isSafeInteger(base) || base < 0)
    throw new RangeError(`dues base must be whole 分 ≥ 0: ${base}`);
  const bracket = brackets.find((b) => b.upTo === null || base <= b.upTo) ?? brackets.at(-1);
  if (!bracket) throw new RangeError('no dues bracket');
  const amount = divide(base * bracket.rateBp, BASIS_POINTS * UNIT_FEN[rounding.unit], rounding.mode);
  return { amount: amount * UNIT_FEN[rounding.unit], rateBp: bracket.rateBp };
}

export type MonthlyDues =
  | { readonly kind: 'percentage'; readonly amount: Fen; readonly base: Fen; readonly rateBp: BasisPoints }
  | { readonly kind: 'flat'; readonly amount: Fen }
  /** A percentage category without a base on record: nothing can be charged until one is set. */
  | { readonly kind: 'no_base' };

/**
 * What a member of `category` owes for a month under `rules` (docs/dues.md §3): a share of the base for 在职,
 * 离退休, 个体经营 and 其他; the fixed amount for 农民, 学生, 下岗失业 and 领取抚恤救济低保 (whatever base is on record).
 */
export function monthlyDues(category: MemberCategory, base: Fen | null, rules: DuesRuleSet): MonthlyDues {
  if ((FLAT_CATEGORIES as readonly string[]).includes(category)) {
    return { kind: 'flat', amount: rules.flat[category as FlatCategory] };
  }
  const brackets = bracketsFor(rules, category);
  if (!brackets || base === null) return { kind: 'no_base' };
  return { kind: 'percentage', base, ...percentageDues(base, brackets, rules.rounding) };
}
