import type { Gender } from '../membership/index.ts';
import { allow, type Decision, type Denial, deny, type IsoDate, isIsoDate } from '../shared/index.ts';
import type { PeopleReason } from './reasons.ts';

/**
 * 公民身份号码, GB 11643-1999 (docs/people.md §2). 18 characters: 6-digit 地址码 (5.2) + 8-digit 出生日期码 (5.3)
 * + 3-digit 顺序码 (5.4, odd = male, even = female) + 1 校验码 (5.5, ISO 7064 MOD 11-2). Legacy 15-digit numbers
 * (GB 11643-1989: 6 + YYMMDD + 3, no check character) still turn up in old records and are accepted with a warning.
 */

/** Something worth telling the user that does not refuse the value. */
export type Warning = { readonly reason: string; readonly message: string };

export type ParsedId = {
  readonly ok: true;
  /** Trimmed, upper-case X; 15 or 18 characters as given (see `upgradeLegacyId` for the 18-digit form). */
  readonly normalized: string;
  readonly birthDate: IsoDate;
  readonly gender: Gender;
  readonly legacy: boolean;
  readonly warnings: readonly Warning[];
};
export type IdCheck = ParsedId | Denial<PeopleReason>;

export const ID_STANDARD = 'GB 11643-1999《公民身份号码》';
const ARTICLE = {
  structure: `${ID_STANDARD}第5.1条`,
  address: `${ID_STANDARD}第5.2条`,
  birthDate: `${ID_STANDARD}第5.3条`,
  sequence: `${ID_STANDARD}第5.4条`,
  check: `${ID_STANDARD}第5.5条`,
} as const;

/**
 * Province-level prefixes (GB/T 2260), plus 81/82/83 for 港澳台 and the 港澳台居民居住证 (810000/820000/830000,
 * docs/people.md §2 [S]). Only the prefix is checked: county codes are historical and get abolished or
 * renamed, so a number is NEVER refused because its county is missing from a current list.
 */
// biome-ignore format: one row per region (华北, 东北, 华东, 中南, 西南, 西北, 港澳台)
export const PROVINCE_CODES = [
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
] as const;
const PROVINCES: ReadonlySet<string> = new Set(PROVINCE_CODES);

/** W_i = 2^(18−i) mod 11 for i = 1..17. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character for R = S mod 11, R = 0..10. */
const CHECK_CHARACTERS = '10X98765432';

/**
 * The earliest birth date accepted (the Excel template's own range starts here, docs/official-forms.md §6.4).
 */
export const EARLIEST_BIRTH_DATE: IsoDate = '1900-01-01';

export const LEGACY_ID_WARNING: Warning = {
  reason: 'id_legacy_15',
  message: '15位旧身份证号码，建议更新为18位',
};

/**
 * The MOD 11-2 check character of the first 17 digits (GB 11643-1999 5.5).
 *
 * Why any single substitution is caught: the rule is equivalent to Σ a_i·W_i ≡ 1 (mod 11) over all 18 positions,
 * with W_18 = 1 and X = 10. Replacing a_i by a'_i ≠ a_i changes the sum by (a'_i − a_i)·W_i. W_i = 2^k mod 11 is
 * never 0 and |a'_i − a_i| ≤ 10, so neither factor is a multiple of the prime 11, nor is their product: the sum
 * leaves the residue 1 and the number fails. (Swapping two different adjacent characters is caught as well: the
 * sum changes by (a_i − a_(i+1))·(W_i − W_(i+1)), and W_i − W_(i+1) ≡ W_(i+1) ≢ 0 since W_i ≡ 2·W_(i+1).)
 */
export function checkCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('checkCharacter needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return CHECK_CHARACTERS[sum % 11] as string;
}

function lengthAndCharacters(value: string): Denial<PeopleReason> | null {
  if (value.length !== 18 && value.length !== 15) {
    return deny('id_length', '公民身份号码应为18位（旧号码为15位）', { article: ARTICLE.structure });
  }
  const pattern = value.length === 18 ? /^\d{17}[\dX]$/ : /^\d{15}$/;
  if (!pattern.test(value)) {
    return deny('id_characters', '公民身份号码只能由数字组成，18位号码的最后一位可以是X', {
      article: ARTICLE.structure,
    });
  }
  return null;
}

function birthDateOf(value: string): string {
  const compact = value.length === 18 ? value.slice(6, 14) : `19${value.slice(6, 12)}`;
  return `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;
}

function birthDateDenial(birthDate: string, today: IsoDate | undefined): Denial<PeopleReason> | null {
  const fail = (message: string) => deny('id_birth_date', message, { article: ARTICLE.birthDate });
  if (!isIsoDate(birthDate)) return fail('公民身份号码中的出生日期不是有效日期');
  if (birthDate < EARLIEST_BIRTH_DATE) return fail('公民身份号码中的出生日期早于1900年1月1日');
  if (today !== undefined && birthDate > today) return fail('公民身份号码中的出生日期晚于今天');
  return null;
}

/**
 * Validates and parses a 公民身份号码. Trims (including full-width spaces) and upper-cases x; checks length,
 * characters, the province prefix, the birth date (a real date, from 1900-01-01, not after `today` when given) and,
 * for 18-digit numbers, the check character.
 */
export function checkIdNumber(value: string, options: { today?: IsoDate } = {}): IdCheck {
  const normalized = value.trim().toUpperCase();
  const shape = lengthAndCharacters(normalized);
  if (shape) return shape;
  if (!PROVINCES.has(normalized.slice(0, 2))) {
    return deny('id_province', '公民身份号码前两位不是有效的省级行政区划代码', { article: ARTICLE.address });
  }
  const birthDate = birthDateOf(normalized);
  const badDate = birthDateDenial(birthDate, options.today);
  if (badDate) return badDate;
  const legacy = normalized.length === 15;
  if (!legacy && checkCharacter(normalized.slice(0, 17)) !== normalized[17]) {
    return deny('id_check_character', '公民身份号码校验码不正确，请核对号码', { article: ARTICLE.check });
  }
  // The gender digit is the last digit of the 顺序码: the 17th character, or the 15th of a legacy number.
  const genderDigit = Number(normalized[legacy ? 14 : 16]);
  return {
    ok: true,
    normalized,
    birthDate,
    gender: genderDigit % 2 === 1 ? 'male' : 'female',
    legacy,
    warnings: legacy ? [LEGACY_ID_WARNING] : [],
  };
}

/**
 * "When an ID number is given, birth date and gender derive from it and a contradicting value is refused."
 * Missing values (null or undefined) are not a contradiction: the caller fills them from the number.
 */
export function checkIdAgainstPerson(
  id: ParsedId,
  person: { birthDate?: IsoDate | null; gender?: Gender | null },
): Decision<PeopleReason> {
  if (person.birthDate != null && person.birthDate !== id.birthDate) {
    return deny('id_birth_date_mismatch', '出生日期与公民身份号码中的出生日期不一致', {
      article: ARTICLE.birthDate,
    });
  }
  if (person.gender != null && person.gender !== id.gender) {
    return deny('id_gender_mismatch', '性别与公民身份号码不一致（顺序码奇数为男性，偶数为女性）', {
      article: ARTICLE.sequence,
    });
  }
  return allow;
}

/**
 * The 18-digit form of a legacy 15-digit number: insert the century 19 before YYMMDD and append the check
 * character. Uniqueness and lookup hash this form, so the 15- and 18-digit numbers of one person collide.
 */
export function upgradeLegacyId(legacy: string): string {
  const value = legacy.trim();
  if (!/^\d{15}$/.test(value)) throw new Error('upgradeLegacyId needs a 15-digit number');
  const first17 = `${value.slice(0, 6)}19${value.slice(6)}`;
  return first17 + checkCharacter(first17);
}

/** The 18-digit form of a parsed number (legacy numbers upgraded). */
export function canonicalIdNumber(id: ParsedId): string {
  return id.legacy ? upgradeLegacyId(id.normalized) : id.normalized;
}

/**
 * A valid 18-digit number, for demo data, tests and benchmarks. The caller chooses the sequence's parity for the
 * gender (odd = male, even = female). Throws on malformed input: it is a programming error, not user input.
 */
export function generateIdNumber(input: {
  provinceAndCounty: string;
  birthDate: IsoDate;
  sequence: number;
}): string {
  const { provinceAndCounty, birthDate, sequence } = input;
  if (!/^\d{6}$/.test(provinceAndCounty)) throw new Error('provinceAndCounty must be 6 digits');
  if (!isIsoDate(birthDate)) throw new Error(`not an ISO date: ${birthDate}`);
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new Error('sequence must be an integer from 0 to 999');
  }
  const first17 = `${provinceAndCounty}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}
