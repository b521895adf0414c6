import { Secret, TOTP } from 'otpauth';

/**
 * The authenticator app of the browser journeys: it reads the key the enrolment page shows (the text for manual
 * entry) and computes codes as a phone would, on the real clock the server uses.
 */
export function codeFor(secret: string, at = Date.now()): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: at });
}

/**
 * A code for the login right after another one: the code of the next 30-second step, which the server's ±1 step
 * window accepts, and which is never a replay of the step just used (a code is accepted once).
 */
export const nextCodeFor = (secret: string) => codeFor(secret, Date.now() + 30_000);
