import {
  BASE_KINDS,
  COUNTED_PAY_ITEMS,
  NEVER_COUNTED_PAY_ITEMS,
  PENSION_COUNTED_ITEMS,
} from '../domain/dues/index.ts';
import { IdSchema, optionalText, text, VersionSchema } from './common.ts';
import { MemberCategorySchema, MemberStatusSchema } from './members.ts';
import { z } from './zod-zh.ts';

/**
 * 党费计算基数 (docs/dues.md §2, §11): a member's base from a month on, made of pay items (counted or listed apart)
 * less personal income tax; amounts in integer 分. Pay is personal data: only the member's own branch secretary, the
 * org_admins above and the member see it.
 */
export const BaseKindSchema = z.enum(BASE_KINDS);

/** Money in 分: an integer (a negative one is refused by the rule, with its reason). */
const Fen = z
  .number()
  .int('金额应以“分”为单位的整数')
  .min(-100_000_000_00, '金额超出范围')
  .max(100_000_000_00, '金额超出范围');

export const BaseItemSchema = z.object({
  label: text(30),
  amount: Fen,
  /** Counted in the base, or listed apart (住房公积金, 交通补贴…: never counts). */
  counted: z.boolean(),
});

/** One member's base from a month on (a base of the same month replaces it: send its `version`). */
export const BaseEntryBody = z.object({
  memberId: IdSchema,
  /** `YYYY-MM`: the month the new pay is first received (第十条). Checked by the rule. */
  fromMonth: z.string().trim().max(10),
  kind: BaseKindSchema,
  items: z.array(BaseItemSchema).max(30, '收入项目不能超过30项'),
  /** 个人所得税, in 分. */
  incomeTax: Fen.default(0),
  note: optionalText(200),
  /** The version of the base of the same month when replacing it. */
  version: VersionSchema.optional(),
});

export const BaseBatchBody = z.object({
  /** The 党支部 whose sheet this is: every row's member must be on its roster. */
  orgId: IdSchema,
  rows: z.array(BaseEntryBody).min(1, '没有要保存的基数').max(2000, '一次最多保存2000名党员的基数'),
});

export const BaseView = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  fromMonth: z.string(),
  kind: BaseKindSchema,
  items: z.array(BaseItemSchema),
  incomeTax: z.number().int(),
  /** The base, in 分. */
  amount: z.number().int(),
  note: z.string().nullable(),
  setByName: z.string().nullable(),
  setAt: z.string(),
  version: z.number().int(),
});
export type BaseView = z.infer<typeof BaseView>;

/** What the rules in force give for the month on this base (docs/dues.md §3). */
export const MonthlyDuesView = z.object({
  kind: z.enum(['percentage', 'flat', 'no_base']),
  /** In 分; null when no base is on record for a percentage category (未核定基数). */
  amount: z.number().int().nullable(),
  rateBp: z.number().int().nullable(),
});

export const BaseSheetQuery = z.object({
  orgId: IdSchema,
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM'),
});

export const BaseSheetRow = z.object({
  memberId: z.number().int(),
  name: z.string(),
  /** The branch, or the 党小组 in it, the member was in that month. */
  orgId: z.number().int(),
  orgName: z.string(),
  status: MemberStatusSchema,
  /** The member's category on the month's first day. */
  category: MemberCategorySchema,
  workPost: z.string().nullable(),
  /** Whether the category takes a base (percentage) or a fixed amount. */
  needsBase: z.boolean(),
  /** The base in force in the month (null: none on record). */
  base: BaseView.nullable(),
  dues: MonthlyDuesView,
  /** WARNs: the category contradicts the 工作岗位. */
  warnings: z.array(z.string()),
});

export const BaseSheet = z.object({
  org: z.object({ id: z.number().int(), name: z.string() }),
  month: z.string(),
  ruleVersion: z.string(),
  rows: z.array(BaseSheetRow),
});
export type BaseSheet = z.infer<typeof BaseSheet>;

export const MemberBaseHistory = z.object({
  memberId: z.number().int(),
  name: z.string(),
  category: MemberCategorySchema,
  /** Newest first. */
  items: z.array(BaseView),
});

/** A WARN kept with a saved base: the member and the message. */
export const BaseWarning = z.object({ memberId: z.number().int(), name: z.string(), message: z.string() });

export const BaseSaveResult = z.object({
  /** Bases written (new or replaced); rows identical to the base on record are left as they are. */
  saved: z.number().int(),
  unchanged: z.number().int(),
  warnings: z.array(BaseWarning),
});

export const BaseSetResult = z.object({ base: BaseView, warnings: z.array(z.string()) });

/** The form fields of an import beside its `file` (multipart; every field is text). */
export const BaseImportFields = z.object({
  orgId: IdSchema,
  /** `true` (the default) checks and reports only; `false` writes all rows, or nothing when any row is refused. */
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
});

export const BaseImportRow = z.object({
  /** The Excel row number. */
  row: z.number().int(),
  memberId: z.number().int().nullable(),
  name: z.string(),
  /** `ok` (would be / was written), `unchanged`, `skipped` (no base given), `error`. */
  result: z.enum(['ok', 'unchanged', 'skipped', 'error']),
  /** The base it gives, in 分. */
  amount: z.number().int().nullable(),
  message: z.string().nullable(),
  warnings: z.array(z.string()),
});

export const BaseImportReport = z.object({
  dryRun: z.boolean(),
  rowCount: z.number().int(),
  okCount: z.number().int(),
  errorCount: z.number().int(),
  /** Written (only when not a dry run and no row has an error). */
  savedCount: z.number().int(),
  rows: z.array(BaseImportRow),
});
export type BaseImportReport = z.infer<typeof BaseImportReport>;

export const BaseOrgQuery = z.object({ orgId: IdSchema });

/** The vocabularies the page offers (the item labels; docs/dues.md §2). */
export const BaseLabels = {
  counted: COUNTED_PAY_ITEMS,
  neverCounted: NEVER_COUNTED_PAY_ITEMS,
  pension: PENSION_COUNTED_ITEMS,
} as const;
