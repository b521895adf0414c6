import { checkLandline, checkMobile } from './phone.ts';

/**
 * Masks for personal data shown to actors without the right to unmask (docs/people.md §6). Each mask keeps
 * the length of the value, so a masked column still lines up, and hides enough that the value cannot be
 * guessed from the part shown.
 */
const stars = (n: number) => '*'.repeat(Math.max(0, n));

/**
 * 18 digits: the 6-digit address code and the last 4 (sequence + check) stay, the 8-digit birth date is hidden:
 * `110105********002X`. Legacy 15 digits: address code and the 3-digit sequence stay, YYMMDD is hidden:
 * `110105******002`. Any other length is hidden entirely.
 */
export function maskIdNumber(value: string): string {
  const v = value.trim();
  if (v.length === 18) return `${v.slice(0, 6)}${stars(8)}${v.slice(14)}`;
  if (v.length === 15) return `${v.slice(0, 6)}${stars(6)}${v.slice(12)}`;
  return stars(v.length);
}

/** How many digits of a landline's local number stay hidden, at least: as many as a mobile mask hides. */
const LANDLINE_HIDDEN_DIGITS = 4;

/**
 * Mobile: the first 3 and last 4 stay (`138****1234`), the common form in China. Landline: the area code stays
 * (it only names a city) and at least 4 digits of the local number are hidden, showing at most its last 4:
 * `010-****5678`, `0755-****567`, `0755-****56`. Anything else that is not a valid phone number keeps only its
 * last 2 digits, separators unchanged.
 */
export function maskPhone(value: string): string {
  const mobile = checkMobile(value);
  if (mobile.ok) return `${mobile.normalized.slice(0, 3)}${stars(4)}${mobile.normalized.slice(7)}`;
  const landline = checkLandline(value);
  if (landline.ok) {
    const [area, local = ''] = landline.normalized.split('-');
    const shown = Math.min(4, local.length - LANDLINE_HIDDEN_DIGITS);
    return `${area}-${stars(local.length - shown)}${local.slice(local.length - shown)}`;
  }
  return maskAllButLastDigits(value.trim(), 2);
}

function maskAllButLastDigits(value: string, keep: number): string {
  let toKeep = keep;
  const chars = [...value];
  for (let i = chars.length - 1; i >= 0; i--) {
    if (!/\d/.test(chars[i] as string)) continue;
    if (toKeep > 0) toKeep--;
    else chars[i] = '*';
  }
  return chars.join('');
}
