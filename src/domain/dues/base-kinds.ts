import type { MemberCategory } from '../membership/index.ts';

/**
 * How a member's dues base is made (docs/dues.md §2; 中组发〔2008〕3号 第一、三、四条, 组电明字〔2017〕5号):
 * `salary` — the pay items that count, less personal income tax only; `annual_salary` — 年薪制, the pay received
 * that month; `quarter_average` — 个体经营 and others without a monthly pay, the previous quarter's monthly average
 * net income; `pension` — retirees' basic pension (基本离退休费 / 基本养老金), without allowances.
 */
export const BASE_KINDS = ['salary', 'annual_salary', 'quarter_average', 'pension'] as const;
export type BaseKind = (typeof BASE_KINDS)[number];
export const BASE_KIND_LABELS: Record<BaseKind, string> = {
  salary: '工资收入（计入项目减个人所得税）',
  annual_salary: '年薪制（当月实得）',
  quarter_average: '上季度月平均纯收入',
  pension: '基本离退休费（基本养老金）',
};

/** The kinds of base that fit a member category (第一、三、四、五条); the flat categories need none. */
export const BASE_KINDS_BY_CATEGORY: Record<MemberCategory, readonly BaseKind[]> = {
  employed: ['salary', 'annual_salary'],
  retired: ['pension'],
  self_employed: ['quarter_average'],
  other: ['quarter_average', 'salary'],
  farmer: [],
  student: [],
  unemployed: [],
  welfare: [],
};
