import { isMonthKey, REDUCTION_KINDS, REDUCTION_STATUSES } from '../domain/dues/index.ts';
import { MEMBER_CATEGORIES } from '../domain/membership/index.ts';
import { IdSchema, IsoDateSchema } from './common.ts';
import { z } from './zod-zh.ts';

/**
 * 应缴 (docs/dues.md §8): the monthly charges, derived and read-only, and 减免 (§6): recorded by the branch, approved or
 * refused by the 党委 one level up. Amounts in 分; never the pay items behind a base (§11).
 */

export const MonthKeySchema = z
  .string()
  .refine(isMonthKey, { message: '月份格式应为 YYYY-MM' })
  .meta({ description: '党费月份 YYYY-MM', example: '2026-07' });

const Fen = z.number().int().min(0, '金额不能为负数').max(100_000_000, '金额超出范围');
const Ref = z.object({ id: z.number().int(), name: z.string() });

export const ChargesQuery = z
  .object({
    orgId: IdSchema.optional(),
    month: MonthKeySchema.optional(),
    memberId: IdSchema.optional(),
    from: MonthKeySchema.optional(),
    to: MonthKeySchema.optional(),
  })
  .refine(
    (q) =>
      (q.orgId !== undefined && q.month !== undefined && q.memberId === undefined) ||
      (q.memberId !== undefined && q.from !== undefined && q.to !== undefined && q.orgId === undefined),
    { message: '请给出 orgId 和 month（一个组织某月），或 memberId、from 和 to（一名党员若干月）' },
  )
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: '起始月份不能晚于截止月份',
    path: ['to'],
  })
  .refine(
    (q) =>
      q.from === undefined ||
      q.to === undefined ||
      Number(q.to.slice(0, 4)) * 12 +
        Number(q.to.slice(5)) -
        (Number(q.from.slice(0, 4)) * 12 + Number(q.from.slice(5))) <
        60,
    { message: '一次最多查询60个月', path: ['to'] },
  );

export const MemberCategorySchema = z.enum(MEMBER_CATEGORIES);
export const ReductionKindSchema = z.enum(REDUCTION_KINDS);
export const ReductionStatusSchema = z.enum(REDUCTION_STATUSES);

/** One member's charge for one month: what the rules give and what is owed after an approved reduction. */
export const ChargeView = z.object({
  member: Ref,
  month: MonthKeySchema,
  /** The 党支部 owed to. */
  org: Ref,
  category: MemberCategorySchema,
  fullAmount: z.number().int(),
  amount: z.number().int(),
  reduction: z.object({ id: z.number().int(), kind: ReductionKindSchema }).nullable(),
  ruleVersion: z.string(),
});

/** A month owed that cannot be charged: a percentage category without a base (未核定基数). */
export const MissingChargeView = z.object({ member: Ref, month: MonthKeySchema, org: Ref });

export const ChargeList = z.object({
  items: z.array(ChargeView),
  missing: z.array(MissingChargeView),
  /** Whether the month(s) asked have been generated (a month not generated has no charges yet). */
  generated: z.array(MonthKeySchema),
});

export const GenerateBody = z.object({ month: MonthKeySchema });
export const GenerateView = z.object({
  month: MonthKeySchema,
  charged: z.number().int(),
  missing: z.number().int(),
});

export const ReductionBody = z.object({
  memberId: IdSchema,
  kind: ReductionKindSchema,
  fromMonth: MonthKeySchema,
  toMonth: MonthKeySchema,
  /** 少交: the monthly amount in 分; null (or absent) for 免交. */
  monthlyAmount: Fen.nullable().optional(),
  /** Required (the rule refuses an empty one: dues_reduction_reason_required). */
  reason: z.string().trim().max(500, '减免理由最多500字'),
  branchDecidedOn: IsoDateSchema,
});

export const ReductionDecisionBody = z.object({
  note: z.string().trim().max(500, '意见最多500字').optional(),
});

export const ReductionParams = z.object({ id: IdSchema });

export const ReductionListQuery = z.object({
  orgId: IdSchema,
  status: ReductionStatusSchema.optional(),
});

export const ReductionView = z.object({
  id: z.number().int(),
  member: Ref,
  /** The branch that recorded it. */
  org: Ref,
  kind: ReductionKindSchema,
  fromMonth: MonthKeySchema,
  toMonth: MonthKeySchema,
  monthlyAmount: z.number().int().nullable(),
  reason: z.string(),
  branchDecidedOn: IsoDateSchema,
  status: ReductionStatusSchema,
  decidedBy: Ref.nullable(),
  decidedOn: IsoDateSchema.nullable(),
  decisionNote: z.string().nullable(),
  createdAt: z.string(),
  /** The actor may approve or refuse it (dues.approve over the branch's parent, while pending). */
  canDecide: z.boolean(),
  /** The actor may withdraw it (dues.manage over the branch, while pending). */
  canWithdraw: z.boolean(),
});

export const ReductionList = z.object({ items: z.array(ReductionView) });
