import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import {
  TOTP_DIGITS,
  TOTP_PERIOD_SECONDS,
  TOTP_SECRET_BYTES,
  TOTP_WINDOW,
  totpStep,
} from '../../../domain/access/index.ts';

/**
 * TOTP (RFC 6238) through the `otpauth` library, with SHA-1, 6 digits and 30 seconds: what every authenticator
 * app (Google/Microsoft Authenticator, 腾讯身份验证器, FreeOTP) reads from the QR code. The time always comes
 * from the caller (deps.clock), never from Date.now().
 */
const ISSUER = '基层';

const options = (secret: Uint8Array) => ({
  secret: new Secret({ buffer: Uint8Array.from(secret).buffer }),
  algorithm: 'SHA1',
  digits: TOTP_DIGITS,
  period: TOTP_PERIOD_SECONDS,
});

export function newTotpSecret(): Buffer {
  return randomBytes(TOTP_SECRET_BYTES);
}

/** The base32 text of the key, for entering it by hand (grouped by 4 in the web for reading). */
export function base32Of(secret: Uint8Array): string {
  return options(secret).secret.base32;
}

/** The otpauth:// URI the QR code carries: the issuer, the account name and the key. */
export function totpUri(secret: Uint8Array, username: string): string {
  return new TOTP({ issuer: ISSUER, label: username, ...options(secret) }).toString();
}

/** The step the code matches within ±TOTP_WINDOW steps of `at`, or null when it matches none. */
export function matchTotp(secret: Uint8Array, code: string, at: Date): number | null {
  const token = code.replace(/\s/g, '');
  if (!/^\d+$/.test(token)) return null;
  const delta = TOTP.validate({ token, timestamp: at.getTime(), window: TOTP_WINDOW, ...options(secret) });
  return delta === null ? null : totpStep(at.getTime()) + delta;
}

/** The code an authenticator app shows at `at`: the tests play the app with it. */
export function totpCode(secret: Uint8Array, at: Date): string {
  return TOTP.generate({ timestamp: at.getTime(), ...options(secret) });
}
