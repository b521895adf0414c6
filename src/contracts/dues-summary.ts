import { isMonthKey, PAYMENT_METHODS, REDUCTION_KINDS } from '../domain/dues/index.ts';
import { MEMBER_CATEGORIES } from '../domain/membership/index.ts';
import { IsoDateSchema } from './common.ts';
import { OrgKindSchema } from './orgs.ts';
import { z } from './zod-zh.ts';

/**
 * 党费收缴 figures (docs/dues.md §10; src/domain/dues/collection.ts): the subtree's collection for a month or a year
 * with its children's, the branch's monthly sheet, the yearly publication and the yearly statistics. Money in 分.
 */

const fen = z.number().int().meta({ description: '金额（分）' });
const count = z.number().int();

const YearSchema = z.coerce.number().int().min(2000, '年份超出范围').max(2100, '年份超出范围');
export const DuesMonthSchema = z
  .string()
  .refine(isMonthKey, { message: '月份格式应为 2026-07' })
  .meta({ description: '党费月份', example: '2026-07' });
export const DuesPeriodSchema = z
  .string()
  .refine((p) => isMonthKey(p) || /^\d{4}$/.test(p), { message: '期间格式应为 2026 或 2026-07' })
  .refine((p) => Number(p.slice(0, 4)) >= 2000 && Number(p.slice(0, 4)) <= 2100, { message: '年份超出范围' })
  .meta({ description: '期间：月份 2026-07 或年度 2026', example: '2026-07' });

export const DuesSummaryQuery = z.object({ period: DuesPeriodSchema });
export const DuesSheetQuery = z.object({ month: DuesMonthSchema });
export const DuesYearQuery = z.object({ year: YearSchema });

/**
 * The figures of a set of member-months: 应缴 (`charged`), 实缴 (`paid`), 欠缴 (`owed`), and the member-months
 * charged, paid in full, in arrears, paid on time (by the month's last day), 少交, 免交; 缴纳率 in basis points
 * (paid ÷ charged; null when nothing was charged). A year's figures are the sum of its months' (人次).
 */
export const CollectionFiguresView = z.object({
  charged: fen,
  paid: fen,
  owed: fen,
  members: count,
  paidInFull: count,
  inArrears: count,
  onTime: count,
  reduced: count,
  exempt: count,
  rateBp: z.number().int().nullable(),
});

const OrgRefView = z.object({ id: z.number().int(), name: z.string(), kind: OrgKindSchema });

export const DuesSummaryView = z.object({
  org: OrgRefView,
  period: z.string(),
  periodLabel: z.string(),
  /** The subtree's figures (the org and every org below it). */
  figures: CollectionFiguresView,
  /** Each direct child's subtree (drill-down); dissolved children only while they have figures. */
  children: z.array(
    z.object({ org: OrgRefView.extend({ dissolved: z.boolean() }), figures: CollectionFiguresView }),
  ),
  /** The subtree's figures month by month (one month for a month, twelve for a year). */
  months: z.array(z.object({ month: z.string(), label: z.string(), figures: CollectionFiguresView })),
});

export const DuesSheetRow = z.object({
  memberId: z.number().int(),
  name: z.string(),
  category: z.enum(MEMBER_CATEGORIES),
  /** What the rules give before a reduction, and 应缴 after it. */
  fullAmount: fen,
  charged: fen,
  reduction: z.enum(REDUCTION_KINDS).nullable(),
  paid: fen,
  owed: fen,
  paidInFull: z.boolean(),
  onTime: z.boolean(),
  /** The method and day of the last payment for the month (null when none). */
  method: z.enum(PAYMENT_METHODS).nullable(),
  paidOn: IsoDateSchema.nullable(),
  /** 少交/免交, 代缴, 异地交纳, 冲正 as text for the sheet. */
  notes: z.string(),
});

export const DuesSheetView = z.object({
  org: OrgRefView,
  month: z.string(),
  monthLabel: z.string(),
  rows: z.array(DuesSheetRow),
  /** 未核定基数: members owing to the branch this month whose charge cannot be computed (no base on record). */
  missing: z.array(
    z.object({ memberId: z.number().int(), name: z.string(), category: z.enum(MEMBER_CATEGORIES) }),
  ),
  /** 合计 (of the charges; the members without a base are not in it). */
  totals: CollectionFiguresView,
  /** May the reader record payments here (dues.manage over the branch). */
  canRecord: z.boolean(),
});

export const SpecialDuesView = z.object({
  count: count,
  total: fen,
  /** 1,000 元 or more: wholly to the centre (第十一条). */
  toCentreCount: count,
  toCentreTotal: fen,
});

export const DuesPublicationView = z.object({
  org: OrgRefView,
  year: z.number().int(),
  months: z.array(
    z.object({
      month: z.string(),
      label: z.string(),
      charged: fen,
      paid: fen,
      rateBp: z.number().int().nullable(),
    }),
  ),
  total: z.object({ charged: fen, paid: fen, rateBp: z.number().int().nullable() }),
  /** 特殊党费, kept apart from ordinary dues (by the org that received it and the day). */
  special: SpecialDuesView,
});

export const DuesStatisticsView = z.object({
  org: OrgRefView,
  year: z.number().int(),
  /** Distinct members charged in the year in the subtree. */
  membersCharged: count,
  /** Of them: every month charged paid in full by its month's end. */
  membersOnTime: count,
  /** With at least one month 少交, 免交. */
  membersReduced: count,
  membersExempt: count,
  special: SpecialDuesView,
});
