import { type Denial, deny } from '../shared/index.ts';
import type { PeopleReason } from './reasons.ts';

/**
 * Phone numbers of the 2017 roster (docs/people.md §4; docs/official-forms.md §4, §6.6): a mobile of 11
 * digits starting 13–19, and a landline of area code (3–4 digits, starting 0) plus a local number (6–8
 * digits).
 */
export type PhoneCheck = { readonly ok: true; readonly normalized: string } | Denial<PeopleReason>;

const PHONE_ARTICLE = '《党员基本信息汇总表》（2017）联系电话';

/** Separators people type inside a number: spaces (also full-width), hyphens and dashes. */
const SEPARATORS = /[\s\u3000\-－—–]/g;

/**
 * A mobile number: 11 digits, `1[3-9]…`. Spaces and hyphens between digit groups (`138 1234 1234`) and a leading
 * +86 / 0086 country code are dropped; the normalized form is the bare 11 digits.
 */
export function checkMobile(value: string): PhoneCheck {
  const digits = value.replace(SEPARATORS, '').replace(/^(\+86|0086)/, '');
  if (/^1[3-9]\d{9}$/.test(digits)) return { ok: true, normalized: digits };
  return deny('phone_mobile_invalid', '手机号应为以13–19开头的11位数字', { article: PHONE_ARTICLE });
}

/** 010 and 020–029 are the only three-digit area codes (with the 0); all others have four. */
function splitUnseparated(digits: string): [string, string] {
  const areaLength = /^0[12]/.test(digits) ? 3 : 4;
  return [digits.slice(0, areaLength), digits.slice(areaLength)];
}

function areaAndNumber(value: string): [string, string] | null {
  const trimmed = value.trim().replace(/（/g, '(').replace(/）/g, ')');
  const bracketed = /^\((\d+)\)[\s\u3000\-－—–]*([\d\s\u3000\-－—–]+)$/.exec(trimmed);
  if (bracketed) return [bracketed[1] as string, (bracketed[2] as string).replace(SEPARATORS, '')];
  const separated = /^(\d+)[\s\u3000\-－—–]+([\d\s\u3000\-－—–]+)$/.exec(trimmed);
  if (separated) return [separated[1] as string, (separated[2] as string).replace(SEPARATORS, '')];
  return /^\d+$/.test(trimmed) ? splitUnseparated(trimmed) : null;
}

/**
 * A landline with its area code: `010-12345678`, `0755 1234567`, `(010)12345678`, `（010）12345678` and the
 * unseparated `01012345678` (split by the rule above) all normalize to `区号-号码`. A number without an area code
 * or with an extension is refused: the area code is a column of the official form, and extensions do not fit it.
 */
export function checkLandline(value: string): PhoneCheck {
  const parts = areaAndNumber(value);
  if (parts && /^0\d{2,3}$/.test(parts[0]) && /^\d{6,8}$/.test(parts[1])) {
    return { ok: true, normalized: `${parts[0]}-${parts[1]}` };
  }
  return deny('phone_landline_invalid', '固定电话应为“区号-号码”：区号3–4位且以0开头，号码6–8位', {
    article: PHONE_ARTICLE,
  });
}
