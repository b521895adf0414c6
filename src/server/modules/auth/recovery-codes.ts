import { randomInt } from 'node:crypto';
import { RECOVERY_CODE_COUNT } from '../../../domain/access/index.ts';
import type { IdCipher } from '../../security/crypto.ts';

/**
 * Recovery codes: 12 characters from a 31-character alphabet without look-alikes (0/o, 1/l/i), 59 random bits
 * each, shown as `xxxx-xxxx-xxxx`. Stored as a keyed hash (HMAC with a subkey of the deployment key): without the
 * key, a copy of the table cannot be searched by guessing, and the codes' entropy keeps a plain hash search hopeless.
 */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const GROUPS = 3;
const GROUP_LENGTH = 4;

function oneCode(): string {
  const groups = Array.from({ length: GROUPS }, () =>
    Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
  );
  return groups.join('-');
}

export function newRecoveryCodes(): string[] {
  const codes = new Set<string>();
  while (codes.size < RECOVERY_CODE_COUNT) codes.add(oneCode());
  return [...codes];
}

/** What is hashed: lower case, without the dashes and spaces people copy or type along. */
export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}

export function recoveryCodeHash(cipher: IdCipher, code: string): string {
  return cipher.keyedHash('recovery_code', normalizeRecoveryCode(code));
}
