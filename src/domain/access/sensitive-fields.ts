import { maskPhone } from '../people/index.ts';

/**
 * The one list of sensitive fields (docs/security.md §3: GB/T 35273-2020 annex B counts 身份证件号码, contact
 * details and addresses as personal sensitive information; no secrets in records). Audit diffs and logs mask or
 * hide them through this list, so that a field added to a record is protected everywhere by adding it here once.
 *
 * - Secrets and ID numbers are hidden whole: nobody reading a record about the data — not even the audit
 *   administrator — needs a password, a token or a citizen's number (the roster shows it, masked, to whom it may).
 * - Contact details are masked as lists show them: the audit administrator sees that a phone changed and roughly
 *   to what (138****1234 → 139****5678), never the number.
 */
export const HIDDEN_FIELDS = [
  'idNumber',
  'password',
  'passwordHash',
  'currentPassword',
  'newPassword',
  'initialPassword',
  'temporaryPassword',
  'token',
  'tokenHash',
  'idNumberEnc',
  'idNumberHash',
  'totpSecret',
  'totpSecretEnc',
  'recoveryCodes',
  'codeHash',
] as const;

export const HIDDEN = '[已隐藏]';

/** Keeps the province, city and district (about six characters) of an address and hides the rest. */
export function maskAddress(value: string): string {
  const chars = [...value.trim()];
  const shown = Math.min(6, Math.floor(chars.length / 2));
  return chars.length === 0 ? '' : `${chars.slice(0, shown).join('')}****`;
}

/** The year of birth stays (age bands need no more); month and day are hidden. */
export function maskBirthDate(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value.slice(0, 4)}-**-**` : HIDDEN;
}

export const MASKED_FIELDS: Readonly<Record<string, (value: string) => string>> = {
  phoneMobile: maskPhone,
  phoneLandline: maskPhone,
  phone: maskPhone,
  mobile: maskPhone,
  address: maskAddress,
  birthDate: maskBirthDate,
};

const HIDDEN_SET: ReadonlySet<string> = new Set(HIDDEN_FIELDS);

/** The value of `key` as records about the data (audit diffs, logs) may hold it. */
export function protectField(key: string, value: unknown): unknown {
  if (HIDDEN_SET.has(key)) return value === null || value === undefined ? value : HIDDEN;
  const mask = MASKED_FIELDS[key];
  if (mask && typeof value === 'string' && value !== '') return mask(value);
  return value;
}

export function isSensitiveField(key: string): boolean {
  return HIDDEN_SET.has(key) || key in MASKED_FIELDS;
}
