import type { Gender } from '../../../domain/membership/index.ts';
import { checkIdNumber, PROVINCE_CODES } from '../../../domain/people/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { isIsoDate } from '../../../domain/shared/index.ts';

/**
 * Instant feedback on a 公民身份号码 being typed (the server decides; this only spares a round trip).
 * - `empty`: nothing typed;
 * - `typing`: so far consistent, not complete yet;
 * - `invalid`: wrong already (a letter, an unknown province, an impossible birth date, a wrong check character);
 * - `valid`: complete and correct: birth date and gender follow from it.
 */
export type IdFeedback =
  | { readonly state: 'empty' }
  | { readonly state: 'typing'; readonly message: string }
  | { readonly state: 'invalid'; readonly message: string }
  | {
      readonly state: 'valid';
      readonly normalized: string;
      readonly birthDate: IsoDate;
      readonly gender: Gender;
      readonly legacy: boolean;
      readonly warning?: string;
    };

const PROVINCES: ReadonlySet<string> = new Set(PROVINCE_CODES);

/** Cleans what people paste: spaces (also full-width) anywhere, a lower-case x. */
export function normalizeIdInput(raw: string): string {
  return raw.replace(/[\s\u3000]/g, '').toUpperCase();
}

function earlyProblem(value: string): string | undefined {
  if (!/^\d*X?$/.test(value) || (value.includes('X') && value.length !== 18)) {
    return '公民身份号码只能由数字组成，18位号码的最后一位可以是X';
  }
  if (value.length > 18) return '公民身份号码应为18位（旧号码为15位）';
  if (value.length >= 2 && !PROVINCES.has(value.slice(0, 2))) {
    return '公民身份号码前两位不是有效的省级行政区划代码';
  }
  // From 16 characters on it can only be an 18-digit number, whose characters 7–14 are YYYYMMDD.
  if (value.length >= 16) {
    const compact = value.slice(6, 14);
    const date = `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;
    if (!isIsoDate(date)) return '公民身份号码中的出生日期不是有效日期';
  }
  return undefined;
}

/**
 * `final` is false while the user is typing (an incomplete number is not an error yet, and 15 digits may be
 * the start of an 18-digit number), true on leaving the field or submitting.
 */
export function idFeedback(raw: string, today: IsoDate, options: { final?: boolean } = {}): IdFeedback {
  const value = normalizeIdInput(raw);
  if (value === '') return { state: 'empty' };
  const early = earlyProblem(value);
  if (early) return { state: 'invalid', message: early };
  const complete = value.length === 18 || (value.length === 15 && options.final === true);
  if (!complete) {
    if (options.final) return { state: 'invalid', message: '公民身份号码应为18位（旧号码为15位）' };
    return { state: 'typing', message: `已输入 ${value.length}/18 位` };
  }
  const checked = checkIdNumber(value, { today });
  if (!checked.ok) return { state: 'invalid', message: checked.message };
  return {
    state: 'valid',
    normalized: checked.normalized,
    birthDate: checked.birthDate,
    gender: checked.gender,
    legacy: checked.legacy,
    ...(checked.warnings[0] ? { warning: checked.warnings[0].message } : {}),
  };
}
