import {
  CHARGE_ORG_RULES,
  DUES_MODES,
  DUES_RULE_SET_LIMITS,
  ROUNDING_MODES,
  ROUNDING_UNITS,
} from '../domain/dues/index.ts';
import { IsoDateSchema, text, VersionSchema } from './common.ts';
import { z } from './zod-zh.ts';

/**
 * 党费收缴标准 (docs/dues.md §7): the versions of the dues rules — brackets, flat amounts, rounding, mode — each with
 * its standing today (现行 / 历史 / 待生效); amounts in integer 分, rates in 基点 (万分之一). Read by whoever reads
 * dues; edited by the 系统管理员 of the whole deployment in 参数配置.
 */

const { rateBp, flat, upTo, brackets, backPaymentWarnMonths, centreThreshold } = DUES_RULE_SET_LIMITS;
const int = (b: { readonly min: number; readonly max: number }, message: string) =>
  z.number().int('请填写整数').min(b.min, message).max(b.max, message);

export const DUES_RULE_SET_STATUSES = ['current', 'history', 'future'] as const;

const BracketView = z.object({ upTo: z.number().int().nullable(), rateBp: z.number().int() });
export const DuesRuleSetView = z.object({
  version: z.string(),
  validFrom: z.string(),
  /** 现行 (in force today), 历史 (past), 待生效 (not yet in force). */
  status: z.enum(DUES_RULE_SET_STATUSES),
  /** Not yet in force and stored: may be changed or deleted (docs/dues.md §7). */
  editable: z.boolean(),
  /** Whether the version is stored (false: the built-in default, none stored yet). */
  stored: z.boolean(),
  /** The optimistic lock of a change (PUT); 0 for the built-in default. */
  revision: z.number().int(),
  brackets: z.object({ employed: z.array(BracketView), retired: z.array(BracketView) }),
  flat: z.object({
    farmer: z.number().int(),
    student: z.number().int(),
    unemployed: z.number().int(),
    welfare: z.number().int(),
  }),
  rounding: z.object({ unit: z.enum(ROUNDING_UNITS), mode: z.enum(ROUNDING_MODES) }),
  mode: z.enum(DUES_MODES),
  chargeOrgOn: z.enum(CHARGE_ORG_RULES),
  backPaymentWarnMonths: z.number().int(),
  centreThreshold: z.number().int(),
});
/** `GET /api/dues/rules`: every version, the national default first, by validFrom; the one in force today. */
export const DuesRulesView = z.object({
  versions: z.array(DuesRuleSetView),
  /** The version in force today. */
  inForce: z.string(),
  regulation: z.string(),
  /** Whether the actor may create, change and delete versions (settings.system over the whole deployment). */
  can: z.object({ edit: z.boolean() }),
});

const rate = int(rateBp, '交纳比例须大于0且不超过100%');
const BracketBody = z.object({
  upTo: int(upTo, '分档上限金额不正确').nullable(),
  rateBp: rate,
});
const BracketsBody = z
  .array(BracketBody)
  .min(1, '请至少填写一档')
  .max(brackets.max, `不能超过${brackets.max}档`);
const flatAmount = int(flat, '每月固定交纳金额须为0至100元');

/** `POST /api/dues/rules`: a new version, from the first day of a month after today (docs/dues.md §7). */
export const DuesRuleSetBody = z.object({
  version: text(60).meta({ description: '版本名称，如“2027-本省标准”' }),
  validFrom: IsoDateSchema.meta({ description: '生效日期：今后某月的1日' }),
  brackets: z.object({ employed: BracketsBody, retired: BracketsBody }),
  flat: z.object({ farmer: flatAmount, student: flatAmount, unemployed: flatAmount, welfare: flatAmount }),
  rounding: z.object({ unit: z.enum(ROUNDING_UNITS), mode: z.enum(ROUNDING_MODES) }),
  mode: z.enum(DUES_MODES),
  chargeOrgOn: z.enum(CHARGE_ORG_RULES),
  backPaymentWarnMonths: int(
    backPaymentWarnMonths,
    `补交、预交提醒月数为${backPaymentWarnMonths.min}至${backPaymentWarnMonths.max}个月`,
  ),
  centreThreshold: int(centreThreshold, '全额上缴中央的金额须大于0'),
});
/** `PUT /api/dues/rules/:version`: a version not yet in force, as read (`revision`). */
export const DuesRuleSetUpdateBody = DuesRuleSetBody.extend({ revision: VersionSchema });
export const DuesRuleSetParams = z.object({ version: z.string().min(1).max(60) });
