import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createIdCipher } from './crypto.ts';

describe('encryptBytes', () => {
  const key = randomBytes(32);
  const cipher = createIdCipher(key);
  const plain = Buffer.from('PK\u0003\u0004 11010519491231002X and more');

  it('round-trips bytes, never storing them in clear', () => {
    const sealed = cipher.encryptBytes(plain, 'import_file:abc');
    expect(sealed.subarray(0, 2).toString('latin1')).not.toBe('PK');
    expect(sealed.includes(Buffer.from('11010519491231002X'))).toBe(false);
    expect(cipher.decryptBytes(sealed, 'import_file:abc')).toEqual(plain);
    expect(cipher.encryptBytes(plain, 'import_file:abc')).not.toEqual(sealed);
  });

  it('refuses bytes tampered with, read in another context, or under another key', () => {
    const sealed = cipher.encryptBytes(plain, 'import_file:abc');
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 1] = (flipped.at(-1) as number) ^ 1;
    expect(() => cipher.decryptBytes(flipped, 'import_file:abc')).toThrow();
    expect(() => cipher.decryptBytes(sealed, 'import_file:other')).toThrow();
    expect(() => createIdCipher(randomBytes(32)).decryptBytes(sealed, 'import_file:abc')).toThrow();
    expect(() => cipher.decryptBytes(sealed.subarray(0, 10), 'import_file:abc')).toThrow();
  });
});
