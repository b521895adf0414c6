import type { Assignment } from '../access/index.ts';
import { isCurrent, isWithin, roleGrants } from '../access/index.ts';
import { categoryFromWorkPost, MEMBER_CATEGORY_LABELS, type MemberCategory } from '../membership/index.ts';
import { allow, type Decision, type Denial, deny, type IsoDate } from '../shared/index.ts';
import { BASE_KIND_LABELS, BASE_KINDS_BY_CATEGORY, type BaseKind } from './base-kinds.ts';
import type { Fen } from './money.ts';
import { isMonthKey, type MonthKey } from './months.ts';
import type { DuesReason } from './reasons.ts';
import { FLAT_CATEGORIES } from './rules.ts';

/**
 * A member's dues base (计算基数) from its entry (docs/dues.md §2; 中组发〔2008〕3号 第一、三、四条, 组电明字〔2017〕5号,
 * DOMAIN §10a): the pay items as entered, each counted or listed apart, and the personal income tax — the only
 * deduction ("税后" is less 个人所得税 only: social insurance and the housing fund are not deducted).
 */

/** One pay item as entered, in 分: counted in the base, or listed apart so that the base can be checked. */
export type BaseItem = { readonly label: string; readonly amount: Fen; readonly counted: boolean };

export type BaseEntry = {
  readonly kind: BaseKind;
  readonly items: readonly BaseItem[];
  /** 个人所得税 of the month (of the quarter for `quarter_average`), in 分. */
  readonly incomeTax: Fen;
};

/**
 * The items of pay that count (docs/dues.md §2, 第一条): 机关 职务工资 + 级别工资 + 津贴补贴; 事业单位 岗位工资 + 薪级工资
 * + 绩效工资 + 津贴补贴; 企业 基本工资 + 岗位工资 + 奖金. Offered as labels; other labels may be typed.
 */
export const COUNTED_PAY_ITEMS = [
  '职务工资',
  '级别工资',
  '岗位工资',
  '薪级工资',
  '绩效工资',
  '津贴补贴',
  '基本工资',
  '奖金',
] as const;

/**
 * The items that never count (docs/dues.md §2): 住房公积金, 提租/通讯/交通补贴, special-post and remote-area
 * allowances, social-insurance subsidies, overtime and meal pay, one-off awards. Closed: one of these flagged counted
 * is refused.
 */
export const NEVER_COUNTED_PAY_ITEMS = [
  '住房公积金',
  '提租补贴',
  '通讯补贴',
  '交通补贴',
  '特殊岗位津贴',
  '艰苦边远地区津贴',
  '社保补贴',
  '加班费',
  '误餐费',
  '一次性奖励',
] as const;

/**
 * What a retiree's base counts (组电明字〔2017〕5号): the basic pension only, under one of these names; allowances
 * (生活补贴 and the like) are listed apart.
 */
export const PENSION_COUNTED_ITEMS = ['基本离退休费', '基本养老金', '基本退休费', '基本离休费'] as const;

const sumOf = (items: readonly BaseItem[]) => items.reduce((s, i) => s + i.amount, 0);

/** The arithmetic of a base, without its checks (the page recomputes it live as items are typed). */
export function baseFigures(entry: BaseEntry): { counted: Fen; apart: Fen; amount: Fen } {
  const counted = sumOf(entry.items.filter((i) => i.counted));
  const apart = sumOf(entry.items.filter((i) => !i.counted));
  const net = Math.max(0, counted - entry.incomeTax);
  // 第四条: the previous quarter's monthly average, rounded down to the 分 (never in the member's disfavour).
  return { counted, apart, amount: entry.kind === 'quarter_average' ? Math.floor(net / 3) : net };
}

/** What a base is checked against: the month it applies from, the member's category then and their 工作岗位. */
export type BaseFacts = {
  readonly fromMonth: string;
  readonly category: MemberCategory;
  readonly workPost: string | null;
};

export type BaseDecision =
  | { readonly ok: true; readonly amount: Fen; readonly warnings: readonly Denial<DuesReason>[] }
  | Denial<DuesReason>;

const ARTICLE = '中组发〔2008〕3号 第一、三、四条；组电明字〔2017〕5号';

function checkItems(entry: BaseEntry): Decision<DuesReason> {
  for (const item of entry.items) {
    if (!Number.isSafeInteger(item.amount) || item.amount < 0) {
      return deny('dues_base_negative', `“${item.label}”的金额不能为负数`, {
        details: { label: item.label },
      });
    }
    const label = item.label.trim();
    if (item.counted && (NEVER_COUNTED_PAY_ITEMS as readonly string[]).includes(label)) {
      return deny('dues_base_item_never_counted', `“${label}”不计入党费计算基数，请列为不计入项目`, {
        article: ARTICLE,
        details: { label },
      });
    }
    if (
      item.counted &&
      entry.kind === 'pension' &&
      !(PENSION_COUNTED_ITEMS as readonly string[]).includes(label)
    ) {
      return deny(
        'dues_base_pension_not_basic',
        `离退休党员只以基本离退休费（基本养老金）为计算基数，“${label}”请列为不计入项目`,
        { article: '组电明字〔2017〕5号', details: { label } },
      );
    }
  }
  if (!Number.isSafeInteger(entry.incomeTax) || entry.incomeTax < 0) {
    return deny('dues_base_negative', '个人所得税不能为负数');
  }
  const counted = entry.items.filter((i) => i.counted);
  if (counted.length === 0) {
    return deny('dues_base_no_counted_items', '请至少填写一项计入基数的收入');
  }
  if (entry.kind === 'quarter_average' && counted.length !== 1 && counted.length !== 3) {
    return deny('dues_base_quarter_items', '上季度纯收入请填写季度合计（一项）或三个月各月的收入（三项）', {
      article: '中组发〔2008〕3号 第四条',
    });
  }
  if (entry.incomeTax > sumOf(counted)) {
    return deny('dues_base_tax_exceeds_pay', '个人所得税不能大于计入基数的收入合计', { article: ARTICLE });
  }
  return allow;
}

/**
 * Whether the base of `entry` may be set for a member from `facts.fromMonth`, and the base it gives (docs/dues.md
 * §2): refused — a month that is not a month; a flat category (农民, 学生, 下岗失业, 领取抚恤救济低保 pay a fixed
 * amount whatever their pay, 第六条: their pay is personal data with no use here, so it is not stored); a kind
 * that does not fit the category that month (BASE_KINDS_BY_CATEGORY); negative amounts; a never-counted item
 * flagged counted; a retiree's counted item other than the basic pension; tax above the counted pay. WARNs when
 * the category contradicts the member's 工作岗位 (docs/membership.md §10): the base is kept, the branch checks.
 */
export function decideBase(entry: BaseEntry, facts: BaseFacts): BaseDecision {
  if (!isMonthKey(facts.fromMonth)) {
    return deny('dues_base_month_invalid', '起始月份须为“年-月”，如 2026-07');
  }
  if ((FLAT_CATEGORIES as readonly string[]).includes(facts.category)) {
    return deny(
      'dues_base_not_needed',
      `人员类别为“${MEMBER_CATEGORY_LABELS[facts.category]}”的党员按固定金额交纳党费，无需核定计算基数`,
      { article: '中组发〔2008〕3号 第六条', details: { category: facts.category } },
    );
  }
  if (!BASE_KINDS_BY_CATEGORY[facts.category].includes(entry.kind)) {
    const fits = BASE_KINDS_BY_CATEGORY[facts.category].map((k) => BASE_KIND_LABELS[k]).join('或');
    return deny(
      'dues_base_kind_mismatch',
      `人员类别为“${MEMBER_CATEGORY_LABELS[facts.category]}”的党员，计算基数应为${fits}`,
      { article: ARTICLE, details: { category: facts.category, kind: entry.kind } },
    );
  }
  const items = checkItems(entry);
  if (!items.ok) return items;
  return { ok: true, amount: baseFigures(entry).amount, warnings: baseWarnings(facts) };
}

/** The WARNs of a base (docs/membership.md §10): the category contradicts the 工作岗位 on record. */
export function baseWarnings(facts: Pick<BaseFacts, 'category' | 'workPost'>): Denial<DuesReason>[] {
  const fromPost = categoryFromWorkPost(facts.workPost);
  if (fromPost === null || fromPost === facts.category) return [];
  return [
    deny(
      'dues_base_category_work_post',
      `人员类别“${MEMBER_CATEGORY_LABELS[facts.category]}”与工作岗位（对应“${MEMBER_CATEGORY_LABELS[fromPost]}”）不一致，请核实`,
      { details: { category: facts.category, workPostCategory: fromPost } },
    ),
  ];
}

/** The member's branch as pay visibility needs it: the path of the 党支部 (the group's branch for a 党小组 member). */
export type PayHolder = { readonly branchPath: string };

/**
 * The assignment through which the actor sees a member's pay (docs/dues.md §11): an org_admin holding dues.base
 * over the member's branch; a secretary only at the member's branch itself (a secretary's grant at a community does
 * not reach the pay of the branches below it). The member themselves is `maySeePay`'s `self`.
 */
export function payAssignment(
  assignments: readonly Assignment[],
  member: PayHolder,
  today: IsoDate,
): Assignment | undefined {
  return assignments.find((a) => {
    if (!isCurrent(a, today) || !roleGrants(a.role, 'dues.base')) return false;
    if (a.role === 'secretary') return a.orgPath === member.branchPath;
    return isWithin(member.branchPath, a.orgPath);
  });
}

/** May the actor see the pay behind a member's base (docs/dues.md §11): as above, or as the member themself. */
export function maySeePay(
  assignments: readonly Assignment[],
  member: PayHolder,
  today: IsoDate,
  self = false,
): boolean {
  return self || payAssignment(assignments, member, today) !== undefined;
}

/** The refusal when the actor holds dues.base over the branch but may not see its pay (docs/dues.md §11). */
export function checkPayVisible(
  assignments: readonly Assignment[],
  member: PayHolder,
  today: IsoDate,
): Decision<DuesReason> {
  return payAssignment(assignments, member, today)
    ? allow
    : deny(
        'dues_pay_not_visible',
        '党员的收入属个人信息，只有本党支部书记和上级组织管理员可以查看和核定党费计算基数',
      );
}

/** `2026-07` as a month key, or null. */
export function monthKeyOrNull(text: string): MonthKey | null {
  return isMonthKey(text) ? text : null;
}

/** A branch's sheet of bases is a 党支部's (docs/dues.md §2: the branch that holds the members' relation sets them). */
export function checkBaseSheetOrg(kind: string): Decision<DuesReason> {
  return kind === 'branch'
    ? allow
    : deny('dues_base_org_not_branch', '党费计算基数按党支部核定，请选择一个党支部');
}

/** A row of a branch's sheet is about a member placed in that branch (or one of its 党小组) now. */
export function checkMemberInBranch(memberBranchId: number, branchId: number): Decision<DuesReason> {
  return memberBranchId === branchId
    ? allow
    : deny('dues_base_member_not_in_branch', '该党员不在本党支部，不能在本支部核定其党费计算基数');
}

/** The rows of one sheet name each member and month once. */
export function checkRowRepeated(seen: boolean): Decision<DuesReason> {
  return seen ? deny('dues_base_row_repeated', '同一党员同一起始月份的基数重复填写') : allow;
}
