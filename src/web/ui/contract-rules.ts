import type { FormRule } from 'antd';
import { z } from '../../contracts/zod-zh.ts';

type Schema = z.core.$ZodType;
type RawIssue = z.core.$ZodRawIssue;

/** What a form field must satisfy, read from its contract's Zod schema. */
export type FieldLimits = {
  minLength?: { value: number; message: string };
  maxLength?: { value: number; message: string };
  pattern?: { value: RegExp; message: string };
  min?: number;
  max?: number;
  integer: boolean;
};

const WRAPPERS = [
  z.core.$ZodOptional,
  z.core.$ZodNullable,
  z.core.$ZodDefault,
  z.core.$ZodPrefault,
  z.core.$ZodNonOptional,
  z.core.$ZodReadonly,
  z.core.$ZodCatch,
] as const;

/** The schema under optional/nullable/default and pipes (`optionalText` is a string piped into a transform). */
function valueSchema(schema: Schema): Schema {
  let current = schema;
  for (let depth = 0; depth < 16; depth++) {
    const wrapper = WRAPPERS.find((w) => current instanceof w);
    if (wrapper) {
      current = (current as z.core.$ZodOptional)._zod.def.innerType;
    } else if (current instanceof z.core.$ZodPipe) {
      const { in: input, out } = current._zod.def;
      current = input instanceof z.core.$ZodTransform ? out : input;
    } else {
      return current;
    }
  }
  return current;
}

/** The contract's own message for a check (`text(50)` says 不能超过50个字符), or the one given. */
function messageOf(check: z.core.$ZodCheck, issue: RawIssue, fallback: string): string {
  // Zod types a check's own error map as taking `never` (it is called with the check's issue): widen it.
  const map = check._zod.def.error as z.core.$ZodErrorMap | undefined;
  const answer = map?.(issue);
  if (typeof answer === 'string') return answer;
  return answer?.message ?? fallback;
}

function stringLimits(schema: z.core.$ZodString, limits: FieldLimits): void {
  for (const check of schema._zod.def.checks ?? []) {
    if (check instanceof z.core.$ZodCheckMaxLength) {
      const value = check._zod.def.maximum;
      const issue: RawIssue = {
        code: 'too_big',
        origin: 'string',
        maximum: value,
        inclusive: true,
        input: '',
      };
      limits.maxLength = { value, message: messageOf(check, issue, `不能超过${value}个字符`) };
    } else if (check instanceof z.core.$ZodCheckMinLength) {
      const value = check._zod.def.minimum;
      const issue: RawIssue = {
        code: 'too_small',
        origin: 'string',
        minimum: value,
        inclusive: true,
        input: '',
      };
      limits.minLength = { value, message: messageOf(check, issue, `至少${value}个字符`) };
    } else if (check instanceof z.core.$ZodCheckRegex) {
      const value = check._zod.def.pattern;
      const issue: RawIssue = { code: 'invalid_format', format: 'regex', input: '' };
      limits.pattern = { value, message: messageOf(check, issue, '格式不正确') };
    }
  }
}

const INTEGER_FORMATS = ['safeint', 'int32', 'uint32'];

function numberLimits(schema: z.core.$ZodNumber, limits: FieldLimits): void {
  for (const check of schema._zod.def.checks ?? []) {
    if (check instanceof z.core.$ZodCheckNumberFormat) {
      limits.integer ||= INTEGER_FORMATS.includes(check._zod.def.format);
    }
  }
  for (const check of schema._zod.def.checks ?? []) {
    // An exclusive bound (`positive()`) is a bound on whole numbers only: 0 < n means 1 ≤ n.
    const step = limits.integer ? 1 : Number.NaN;
    if (check instanceof z.core.$ZodCheckGreaterThan) {
      const { value, inclusive } = check._zod.def;
      const min = Number(value) + (inclusive ? 0 : step);
      if (Number.isFinite(min)) limits.min = Math.max(limits.min ?? min, min);
    } else if (check instanceof z.core.$ZodCheckLessThan) {
      const { value, inclusive } = check._zod.def;
      const max = Number(value) - (inclusive ? 0 : step);
      if (Number.isFinite(max)) limits.max = Math.min(limits.max ?? max, max);
    }
  }
}

/** The limits of a contract field: lengths and pattern of a text, bounds of a number. */
export function fieldLimits(schema: Schema): FieldLimits {
  const limits: FieldLimits = { integer: false };
  const inner = valueSchema(schema);
  if (inner instanceof z.core.$ZodString) stringLimits(inner, limits);
  else if (inner instanceof z.core.$ZodNumber) numberLimits(inner, limits);
  return limits;
}

const OPTIONAL = [z.core.$ZodOptional, z.core.$ZodNullable, z.core.$ZodDefault, z.core.$ZodPrefault] as const;

/**
 * The contract's message for an empty value of a field it requires (`min(1, '请填写民族')`), or undefined when the
 * contract lets the field be left out: so that which fields are required is said once, in the contract.
 */
export function requiredMessage(schema: Schema): string | undefined {
  if (OPTIONAL.some((w) => schema instanceof w)) return undefined;
  if (schema instanceof z.core.$ZodPipe) {
    const input = schema._zod.def.in;
    if (OPTIONAL.some((w) => input instanceof w)) return undefined;
  }
  const limits = fieldLimits(schema);
  return limits.minLength && limits.minLength.value >= 1 ? limits.minLength.message : undefined;
}

/**
 * antd rules for a field, from the contract the server checks it with, so that no limit is written twice:
 * the maximum length, the pattern and the number bounds, with the contract's Chinese messages. `required` is
 * the form's message for an empty field (it names the field: 请输入姓名); text fields then refuse blanks too.
 */
export function contractRules(schema: Schema, options: { required?: string } = {}): FormRule[] {
  const limits = fieldLimits(schema);
  const rules: FormRule[] = [];
  const text = valueSchema(schema) instanceof z.core.$ZodString;
  if (options.required) {
    // `{ required, message }` alone checks emptiness of any value; any other key makes antd check the value as a
    // string, which a number or a date never is: whitespace only for text.
    rules.push(
      text
        ? { required: true, whitespace: true, message: options.required }
        : { required: true, message: options.required },
    );
  }
  if (limits.maxLength) rules.push({ max: limits.maxLength.value, message: limits.maxLength.message });
  if (limits.pattern) rules.push({ pattern: limits.pattern.value, message: limits.pattern.message });
  if (limits.min !== undefined && limits.max !== undefined) {
    rules.push({
      type: limits.integer ? 'integer' : 'number',
      min: limits.min,
      max: limits.max,
      message: `请填写 ${limits.min}–${limits.max} 之间的${limits.integer ? '整数' : '数'}`,
    });
  }
  return rules;
}
