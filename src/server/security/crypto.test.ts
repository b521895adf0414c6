import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createIdCipher, decodeSecretKey, KEY_FILE_NAME, keyFingerprint, loadSecretKey } from './crypto.ts';

const ID = '11010519491231002X';
const LEGACY = '110105491231002'; // the same person's 15-digit number

describe('createIdCipher', () => {
  const cipher = createIdCipher(randomBytes(32));

  it('round-trips a value in the versioned format', () => {
    const stored = cipher.encrypt(ID);
    expect(stored).toMatch(/^v1:[\w-]{16}:[\w-]{22}:[\w-]+$/);
    expect(stored).not.toContain(ID);
    expect(cipher.decrypt(stored)).toBe(ID);
  });

  it('encrypts one value differently each time, but hashes it the same', () => {
    expect(cipher.encrypt(ID)).not.toBe(cipher.encrypt(ID));
    expect(cipher.hash(ID)).toBe(cipher.hash(ID));
    expect(cipher.hash(ID)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hashes a 15-digit number like its 18-digit upgrade, and ignores case and spaces', () => {
    expect(cipher.hash(LEGACY)).toBe(cipher.hash(ID));
    expect(cipher.hash(' 11010519491231002x ')).toBe(cipher.hash(ID));
    expect(cipher.hash('110105194912310011')).not.toBe(cipher.hash(ID));
  });

  it('refuses to hash something that is not an ID number', () => {
    expect(() => cipher.hash('1101051949')).toThrow();
  });

  it.each<[string, (stored: string) => string]>([
    ['ciphertext', (s) => flipLastChar(s)],
    ['tag', (s) => replacePart(s, 2, (p) => flipLastChar(p))],
    ['IV', (s) => replacePart(s, 1, (p) => flipFirstChar(p))],
    ['version', (s) => s.replace(/^v1/, 'v2')],
    ['shape', (s) => s.split(':').slice(0, 3).join(':')],
    ['truncated tag', (s) => replacePart(s, 2, (p) => p.slice(0, 10))],
  ])('throws when the %s is tampered with', (_part, tamper) => {
    expect(() => cipher.decrypt(tamper(cipher.encrypt(ID)))).toThrow();
  });

  it('throws with a wrong key, and another key hashes differently', () => {
    const other = createIdCipher(randomBytes(32));
    expect(() => other.decrypt(cipher.encrypt(ID))).toThrow(/wrong key or tampered/);
    expect(other.hash(ID)).not.toBe(cipher.hash(ID));
  });

  it('derives separate subkeys: the hash is not a plain HMAC under the master key', async () => {
    const master = randomBytes(32);
    const { createHmac } = await import('node:crypto');
    const plain = createHmac('sha256', master).update(ID).digest('hex');
    expect(createIdCipher(master).hash(ID)).not.toBe(plain);
  });

  it('needs a 32-byte master key', () => {
    expect(() => createIdCipher(randomBytes(16))).toThrow();
  });
});

describe('keyFingerprint', () => {
  it('is stable for a key and differs between keys', () => {
    const key = randomBytes(32);
    expect(keyFingerprint(key)).toBe(keyFingerprint(Buffer.from(key)));
    expect(keyFingerprint(key)).toMatch(/^[0-9a-f]{16}$/);
    expect(keyFingerprint(randomBytes(32))).not.toBe(keyFingerprint(key));
  });
});

describe('loadSecretKey', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jiceng-key-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('creates the key file with mode 0600 on first start and reuses it', () => {
    const dataDir = path.join(tempDir(), 'data'); // not there yet
    const first = loadSecretKey({ env: undefined, dataDir });
    expect(first).toMatchObject({ source: 'file', created: true, path: path.join(dataDir, KEY_FILE_NAME) });
    expect(first.key).toHaveLength(32);
    if (process.platform !== 'win32') {
      expect(statSync(path.join(dataDir, KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
    }
    const second = loadSecretKey({ env: undefined, dataDir });
    expect(second.created).toBe(false);
    expect(second.key.equals(first.key)).toBe(true);
  });

  it('treats an empty environment variable as unset', () => {
    const dataDir = tempDir();
    expect(loadSecretKey({ env: '  ', dataDir }).source).toBe('file');
  });

  it.runIf(process.platform !== 'win32')(
    'refuses a key file that others can read, saying how to fix it',
    () => {
      const dataDir = tempDir();
      loadSecretKey({ env: undefined, dataDir });
      const file = path.join(dataDir, KEY_FILE_NAME);
      chmodSync(file, 0o644);
      expect(() => loadSecretKey({ env: undefined, dataDir })).toThrow(/chmod 600/);
    },
  );

  it('refuses a key file that does not hold a 32-byte key', () => {
    const dataDir = tempDir();
    writeFileSync(path.join(dataDir, KEY_FILE_NAME), 'not a key\n', { mode: 0o600 });
    expect(() => loadSecretKey({ env: undefined, dataDir })).toThrow(/32字节/);
  });

  it('prefers JICENG_SECRET_KEY, in base64 or hex, and writes no file', () => {
    const dataDir = tempDir();
    const key = randomBytes(32);
    for (const env of [
      key.toString('base64'),
      key.toString('base64url'),
      key.toString('hex'),
      ` ${key.toString('hex')}\n`,
    ]) {
      const loaded = loadSecretKey({ env, dataDir });
      expect(loaded).toMatchObject({ source: 'env', created: false });
      expect(loaded.key.equals(key)).toBe(true);
    }
    expect(existsSync(path.join(dataDir, KEY_FILE_NAME))).toBe(false);
  });

  it.each([
    ['16 bytes in base64', randomBytes(16).toString('base64')],
    ['33 bytes in base64', randomBytes(33).toString('base64')],
    ['31 bytes in hex', randomBytes(31).toString('hex')],
    ['a passphrase', 'correct horse battery staple'],
  ])('refuses an environment key of the wrong length: %s', (_label, env) => {
    expect(() => loadSecretKey({ env, dataDir: tempDir() })).toThrow(/JICENG_SECRET_KEY.*32字节/);
  });

  it('stores the generated key as base64 text that decodes back', () => {
    const dataDir = tempDir();
    const { key } = loadSecretKey({ env: undefined, dataDir });
    const text = readFileSync(path.join(dataDir, KEY_FILE_NAME), 'utf8');
    expect(decodeSecretKey(text, 'file').equals(key)).toBe(true);
  });
});

function replacePart(stored: string, index: number, change: (part: string) => string): string {
  const parts = stored.split(':');
  parts[index] = change(parts[index] as string);
  return parts.join(':');
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * Flips the highest of the 6 bits a base64url character carries: in unpadded base64url the low bits of the last
 * character may be padding, so changing only them would not change the decoded bytes.
 */
function flipHighBit(char: string): string {
  return BASE64URL[BASE64URL.indexOf(char) ^ 32] as string;
}

function flipFirstChar(part: string): string {
  return flipHighBit(part[0] as string) + part.slice(1);
}

function flipLastChar(part: string): string {
  return part.slice(0, -1) + flipHighBit(part.at(-1) as string);
}
