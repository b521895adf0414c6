import { LEDGER_ENTRY_KINDS, PAYMENT_METHODS, REDUCTION_KINDS } from '../domain/dues/index.ts';
import { IdSchema, INT32_MAX, IsoDateSchema, optionalText, text } from './common.ts';
import { MemberCategorySchema } from './members.ts';
import { z } from './zod-zh.ts';

/**
 * The dues ledger (实缴, docs/dues.md §4, §5, §9): payments month by month, reversals, 特殊党费, and a member's months
 * (应缴 / 实缴 / 欠缴, and why) with their arrears. Money in integer 分.
 */
export const LedgerEntryKindSchema = z.enum(LEDGER_ENTRY_KINDS);
export const PaymentMethodSchema = z.enum(PAYMENT_METHODS);

const MonthKeySchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
  .meta({ description: '党费月份 YYYY-MM', example: '2026-05' });
/** An amount in 分: a positive whole number. */
const FenSchema = z
  .number()
  .int('金额以分为单位，应为整数')
  .positive('金额应大于0')
  .max(INT32_MAX, '金额超出范围')
  .meta({ description: '金额（分）' });

export const PaymentBody = z
  .object({
    memberId: IdSchema,
    /** The months paid for, each with its amount (absent: what the month still owes). */
    months: z
      .array(z.object({ month: MonthKeySchema, amount: FenSchema.nullish() }))
      .min(1, '请选择要交纳的月份')
      .max(24, '一次最多交纳24个月'),
    method: PaymentMethodSchema,
    /** The payment provider's reference (required for `external`) or the bank's. */
    externalRef: optionalText(100),
    paidOn: IsoDateSchema,
    /** Paid on the member's behalf (by a relative or another member): by whom. */
    paidBy: optionalText(50),
    /** Where the money was collected, when not at the member's branch (a 流动党员 only). */
    collectingOrgId: IdSchema.nullish(),
    /** The branch's consent to paying months after the current one (按季度预交): who gave it. */
    prepaymentConsentBy: optionalText(50),
    /** The warnings (补缴 or 预交 beyond 6 months, more than owed) are accepted. */
    confirm: z.boolean().default(false),
  })
  .refine((b) => b.method !== 'external' || b.externalRef !== null, {
    message: '线上支付须填写支付流水号',
    path: ['externalRef'],
  });

export const SpecialDuesBody = z
  .object({
    memberId: IdSchema,
    amount: FenSchema,
    method: PaymentMethodSchema,
    externalRef: optionalText(100),
    paidOn: IsoDateSchema,
    paidBy: optionalText(50),
    collectingOrgId: IdSchema.nullish(),
  })
  .refine((b) => b.method !== 'external' || b.externalRef !== null, {
    message: '线上支付须填写支付流水号',
    path: ['externalRef'],
  });

export const ReverseBody = z.object({ reason: text(200) });
export const EntryParams = z.object({ entryId: IdSchema });

export const PaymentListQuery = z
  .object({
    memberId: IdSchema.optional(),
    /** The entries collected by this org's subtree, or owed to it (its members'). */
    orgId: IdSchema.optional(),
    month: MonthKeySchema.optional(),
    kind: LedgerEntryKindSchema.optional(),
  })
  .refine((q) => q.memberId !== undefined || q.orgId !== undefined, {
    message: '请指定党员或党组织',
    path: ['orgId'],
  });

export const LedgerEntryView = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  memberName: z.string(),
  kind: LedgerEntryKindSchema,
  kindLabel: z.string(),
  /** `YYYY-MM`; null for 特殊党费. */
  month: z.string().nullable(),
  /** 分: negative for a reversal. */
  amount: z.number().int(),
  paidOn: IsoDateSchema,
  method: PaymentMethodSchema.nullable(),
  methodLabel: z.string().nullable(),
  externalRef: z.string().nullable(),
  /** The org that collected it (the member's branch, or where a 流动党员 paid). */
  collectingOrg: z.object({ id: z.number().int(), name: z.string() }),
  paidBy: z.string().nullable(),
  prepaymentConsentBy: z.string().nullable(),
  /** Entries of one payment share it. */
  receipt: z.string(),
  reversesId: z.number().int().nullable(),
  /** The reversal of this entry, if any. */
  reversedById: z.number().int().nullable(),
  reason: z.string().nullable(),
  /** 特殊党费 of 1,000 元 or more (第十一条). */
  toCentre: z.boolean(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
  can: z.object({ reverse: z.boolean() }),
});
export type LedgerEntryView = z.infer<typeof LedgerEntryView>;

export const PaymentWarningView = z.object({ reason: z.string(), message: z.string() });

export const PaymentResult = z.object({
  receipt: z.string(),
  entries: z.array(LedgerEntryView),
  warnings: z.array(PaymentWarningView),
});

export const LedgerEntryList = z.object({ items: z.array(LedgerEntryView), truncated: z.boolean() });

/** Why a month's charge is what it is (docs/dues.md §3, §6, §8). */
export const ChargeWhyView = z.object({
  category: MemberCategorySchema,
  categoryLabel: z.string(),
  /** The base in 分: shown to the member themselves only (pay is personal data, docs/dues.md §11). */
  base: z.number().int().nullable(),
  rateBp: z.number().int().nullable(),
  /** `0.5%`, or `定额` for a flat category. */
  rateLabel: z.string(),
  fullAmount: z.number().int(),
  reduction: z.object({ kind: z.enum(REDUCTION_KINDS), label: z.string() }).nullable(),
  ruleVersion: z.string(),
  /** The computation in words: `基数 4,000.00元 × 1% = 40.00元`, `学生党员定额 0.20元`, `经批准免交`. */
  explanation: z.string(),
});

export const DuesMonthView = z.object({
  month: z.string(),
  label: z.string(),
  /** The branch owed to (null: a month paid with no charge on record). */
  org: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  /** 应缴 (null: no charge that month), 实缴, 欠缴 (negative: a credit). */
  charged: z.number().int().nullable(),
  paid: z.number().int(),
  balance: z.number().int(),
  why: ChargeWhyView.nullable(),
});

export const MemberDuesView = z.object({
  member: z.object({
    id: z.number().int(),
    name: z.string(),
    org: z.object({ id: z.number().int(), name: z.string() }),
    isMobile: z.boolean(),
    admittedOn: IsoDateSchema.nullable(),
  }),
  months: z.array(DuesMonthView),
  arrears: z.object({
    /** Every month before the current one not paid in full, and what they owe. */
    months: z.array(z.string()),
    total: z.number().int(),
    /** The consecutive run back from last month (docs/dues.md §5), and its warning. */
    run: z.number().int(),
    warning: z.string().nullable(),
  }),
  entries: z.array(LedgerEntryView),
  /** Whether the actor may record payments and reversals for the member (dues.manage). */
  can: z.object({ pay: z.boolean() }),
});
export type MemberDuesView = z.infer<typeof MemberDuesView>;

export const MemberDuesQuery = z.object({
  /** `YYYY-MM`: the months shown, from (default: 12 months before the current one) to the current one. */
  from: MonthKeySchema.optional(),
});
