import { createHash, randomBytes } from 'node:crypto';

/** A random secret with a readable prefix: `jcs_…` for sessions, `jct_…` for personal API tokens. */
export function randomSecret(prefix: 'jcs' | 'jct'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** Secrets are stored as their SHA-256 only: a leaked table does not leak a usable credential. */
export function sha256(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A readable password for generated accounts: `length` characters (16 by default) with every character class. */
export function generatePassword(length = 16): string {
  const sets = ['abcdefghijkmnpqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '#%+=@'];
  const all = sets.join('');
  const bytes = randomBytes(Math.max(length, sets.length));
  const chars = Array.from(bytes, (b, i) => {
    const set = i < sets.length ? (sets[i] as string) : all;
    return set[b % set.length];
  });
  // Shuffle so that the classes are not always in the same places.
  const order = randomBytes(chars.length);
  return chars
    .map((c, i) => ({ c, k: order[i] as number }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.c)
    .join('');
}
