import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id, the library's default algorithm, with its default cost (m=19 MiB, t=2, p=1: OWASP's
 * recommended minimum). The test asserts the `$argon2id$` prefix.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real verification, so that an unknown username cannot be told apart from a
 * wrong password by the response time.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword('jiceng-timing-equalizer');
  await verifyPassword(await dummyHash, password);
  return false;
}
