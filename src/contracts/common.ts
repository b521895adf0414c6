import { isIsoDate } from '../domain/shared/index.ts';
import { ErrorCodeSchema, ErrorReasonSchema } from './errors.ts';
import { z } from './zod-zh.ts';

export const IsoDateSchema = z
  .string()
  .refine(isIsoDate, { message: '日期格式应为 YYYY-MM-DD' })
  .meta({ description: '日期 YYYY-MM-DD', example: '2026-01-15' });

/** The largest PostgreSQL `integer`: ids, versions and counts beyond it are refused at the edge (400), not by the database (500). */
export const INT32_MAX = 2_147_483_647;

export const IdSchema = z.coerce.number().int().positive().max(INT32_MAX, '编号超出范围');
export const IdParams = z.object({ id: IdSchema });

export const VersionSchema = z
  .number()
  .int()
  .positive()
  .max(INT32_MAX)
  .meta({ description: '乐观锁版本号：提交读取时的值' });

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

export const ErrorBody = z
  .object({
    error: z.object({
      code: ErrorCodeSchema,
      message: z.string(),
      /** The reason (closed: contracts/errors.ts) and the facts of the case: issues, article, limits… */
      details: z.looseObject({ reason: ErrorReasonSchema.optional() }).optional(),
    }),
  })
  .meta({ id: 'Error' });

export const OkBody = z.object({ ok: z.literal(true) });

/** Trimmed non-empty text with a maximum length: names, titles, document numbers. */
export function text(max: number) {
  return z.string().trim().min(1, '不能为空').max(max, `不能超过${max}个字符`);
}

/** An optional text field that arrives as '' from a cleared form input; '' means "none". */
/**
 * A text field of a partial update (PATCH): absent stays `undefined` (leave the field as it is), an empty text or
 * null becomes `null` (clear it), anything else is the new value.
 */
export function patchText(max: number) {
  return z
    .string()
    .trim()
    .max(max, `不能超过${max}个字符`)
    .nullish()
    .transform((v) => (v === undefined ? undefined : v ? v : null));
}

export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, `不能超过${max}个字符`)
    .nullish()
    .transform((v) => (v ? v : null));
}
