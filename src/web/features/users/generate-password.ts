// Look-alike characters (0/O, 1/l/I) are left out: the password is read out or typed by hand.
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const SYMBOLS = '@#$%&*+-=?';

function pick(chars: string, random: number): string {
  return chars[random % chars.length] as string;
}

/** A temporary password that meets the policy: 12 characters with all four character classes. */
export function generatePassword(length = 12): string {
  const random = crypto.getRandomValues(new Uint32Array(length * 2));
  const all = LOWER + UPPER + DIGITS + SYMBOLS;
  const chars = [LOWER, UPPER, DIGITS, SYMBOLS].map((set, i) => pick(set, random[i] ?? 0));
  for (let i = chars.length; i < length; i++) chars.push(pick(all, random[i] ?? 0));
  // Shuffle so that the classes are not always in the same places.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = (random[length + i] ?? 0) % (i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}
