import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { upgradeLegacyId } from '../../domain/people/index.ts';

/**
 * Privacy of ID numbers (docs/people.md §6): encrypted at rest with AES-256-GCM and found through a keyed hash
 * (HMAC-SHA256), which is also what keeps them unique. One 32-byte master key, from JICENG_SECRET_KEY or from
 * `<dataDir>/secret.key`; subkeys derived from it with HKDF-SHA256, so that the same key never serves two
 * purposes (the ID cipher, the MAC, files that hold ID numbers).
 */
export const KEY_BYTES = 32;
export const KEY_FILE_NAME = 'secret.key';

export type LoadedSecretKey = {
  readonly key: Buffer;
  readonly source: 'env' | 'file';
  /** The key file, when the key came from one. */
  readonly path?: string;
  /** True when this start created the key file: the operator must back it up with the data. */
  readonly created: boolean;
};

const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const BASE64_KEY = /^[A-Za-z0-9+/_-]{43}={0,1}$/;

/** A 32-byte key written as 64 hex digits or as base64 / base64url (43 characters, or 44 with padding). */
export function decodeSecretKey(text: string, origin: string): Buffer {
  const value = text.trim();
  const key = HEX_KEY.test(value)
    ? Buffer.from(value, 'hex')
    : BASE64_KEY.test(value)
      ? Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
      : null;
  if (key?.length !== KEY_BYTES) {
    throw new Error(
      `${origin} 不是有效的密钥：需要32字节随机数的 base64 或十六进制编码（例如 \`openssl rand -base64 32\` 的输出）`,
    );
  }
  return key;
}

function createKeyFile(file: string): Buffer | null {
  const key = randomBytes(KEY_BYTES);
  let fd: number;
  try {
    // `wx`: never overwrite a key that another process has just written.
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return null;
    throw error;
  }
  try {
    writeSync(fd, `${key.toString('base64')}\n`);
  } finally {
    closeSync(fd);
  }
  chmodSync(file, 0o600); // in case the umask was unusual
  return key;
}

/**
 * The key file must be readable by the server's user only. A looser mode means the key may already have been
 * read by someone else: the server refuses to start (as ssh does with a private key) and says how to fix it,
 * rather than silently tightening the mode. Windows has no POSIX modes, so the check is skipped there.
 */
function assertPrivate(file: string): void {
  if (process.platform === 'win32') return;
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new Error(
      `密钥文件 ${file} 的权限为 ${mode.toString(8).padStart(4, '0')}，其他用户可以读取。` +
        `请确认密钥未泄露后执行 \`chmod 600 ${file}\` 再启动。`,
    );
  }
}

/**
 * The master key. JICENG_SECRET_KEY wins when set (it must decode to exactly 32 bytes); otherwise
 * `<dataDir>/secret.key` is read, and created on first start with 32 random bytes, mode 0600, the folder with
 * 0700 if missing. Losing this key makes every stored ID number unreadable: back it up with the data.
 */
export function loadSecretKey(options: { env?: string | undefined; dataDir: string }): LoadedSecretKey {
  if (options.env !== undefined && options.env.trim() !== '') {
    return { key: decodeSecretKey(options.env, 'JICENG_SECRET_KEY'), source: 'env', created: false };
  }
  const file = path.join(options.dataDir, KEY_FILE_NAME);
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const created = createKeyFile(file);
  if (created) return { key: created, source: 'file', path: file, created: true };
  assertPrivate(file);
  return {
    key: decodeSecretKey(readFileSync(file, 'utf8'), `密钥文件 ${file}`),
    source: 'file',
    path: file,
    created: false,
  };
}

/** HKDF-SHA256 with a distinct `info` per use (RFC 5869 §3.2); the master key is already uniformly random. */
function subkey(masterKey: Uint8Array, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), info, KEY_BYTES));
}

export type IdCipher = {
  /** `v1:<iv>:<tag>:<ciphertext>`, base64url parts; a fresh random IV each time. */
  encrypt(plain: string): string;
  /** Throws when the value was tampered with or encrypted under another key. */
  decrypt(stored: string): string;
  /** HMAC-SHA256 hex of the 18-digit form (a 15-digit number is upgraded first): lookup and uniqueness. */
  hash(idNumber: string): string;
  /**
   * Files that hold ID numbers (an import's error workbook), with their own subkey: version byte, IV, tag,
   * ciphertext. `context` (e.g. the file's id) is authenticated, so that one file's bytes cannot pass for another's.
   */
  encryptBytes(plain: Uint8Array, context: string): Buffer;
  /** Throws when the bytes were tampered with, moved to another context or encrypted under another key. */
  decryptBytes(sealed: Uint8Array, context: string): Buffer;
  /**
   * Secrets the server must read back (a TOTP key), with their own subkey, as base64url text for a column;
   * `context` (e.g. `totp:<userId>`) is authenticated, so that a secret copied to another row does not open.
   */
  sealSecret(plain: Uint8Array, context: string): string;
  openSecret(sealed: string, context: string): Buffer;
  /**
   * HMAC-SHA256 hex under a subkey of its own per purpose: a login name that matched no account (people type
   * passwords there), a recovery code. Without the key, a leaked table cannot be searched by guessing.
   */
  keyedHash(purpose: KeyedHashPurpose, value: string): string;
};

export type KeyedHashPurpose = 'login_name' | 'recovery_code';

const VERSION = 'v1';
const IV_BYTES = 12; // 96-bit IVs, GCM's native size; random IVs stay far below the 2^32 messages per key limit
const TAG_BYTES = 16;
/** Binds each ciphertext to its purpose and format version. */
const AAD = Buffer.from('jiceng:id_number:v1');

function encryptWith(key: Buffer, plain: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(AAD);
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString('base64url'));
  return [VERSION, ...parts].join(':');
}

function decryptWith(key: Buffer, stored: string): string {
  const [version, iv, tag, ciphertext, ...rest] = stored.split(':');
  if (
    version !== VERSION ||
    iv === undefined ||
    tag === undefined ||
    ciphertext === undefined ||
    rest.length
  ) {
    throw new Error('encrypted ID number: unknown format or version');
  }
  const ivBytes = Buffer.from(iv, 'base64url');
  const tagBytes = Buffer.from(tag, 'base64url');
  if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) {
    throw new Error('encrypted ID number: malformed IV or tag');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, ivBytes, { authTagLength: TAG_BYTES });
  decipher.setAAD(AAD);
  decipher.setAuthTag(tagBytes);
  try {
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new Error('encrypted ID number failed authentication: wrong key or tampered value');
  }
}

const BYTES_VERSION = 1;
const bytesAad = (context: string) => Buffer.from(`jiceng:bytes:v1:${context}`, 'utf8');

function encryptBytesWith(key: Buffer, plain: Uint8Array, context: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(bytesAad(context));
  const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([Buffer.of(BYTES_VERSION), iv, cipher.getAuthTag(), ciphertext]);
}

function decryptBytesWith(key: Buffer, sealed: Uint8Array, context: string): Buffer {
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  const head = 1 + IV_BYTES + TAG_BYTES;
  if (bytes.length < head || bytes[0] !== BYTES_VERSION) throw new Error('encrypted bytes: unknown format');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(1, 1 + IV_BYTES), {
    authTagLength: TAG_BYTES,
  });
  decipher.setAAD(bytesAad(context));
  decipher.setAuthTag(bytes.subarray(1 + IV_BYTES, head));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(head)), decipher.final()]);
  } catch {
    throw new Error('encrypted bytes failed authentication: wrong key, context or tampered value');
  }
}

/** The canonical form that is hashed: trimmed, upper-case X, 15 digits upgraded to 18. */
function canonical(idNumber: string): string {
  const value = idNumber.trim().toUpperCase();
  const full = /^\d{15}$/.test(value) ? upgradeLegacyId(value) : value;
  if (!/^\d{17}[\dX]$/.test(full)) throw new Error('hash needs a normalized 15- or 18-character ID number');
  return full;
}

export function createIdCipher(masterKey: Uint8Array): IdCipher {
  if (masterKey.length !== KEY_BYTES) throw new Error(`the master key must be ${KEY_BYTES} bytes`);
  const encryptionKey = subkey(masterKey, 'jiceng/id_number/aes-256-gcm/v1');
  const macKey = subkey(masterKey, 'jiceng/id_number/hmac-sha256/v1');
  const bytesKey = subkey(masterKey, 'jiceng/bytes/aes-256-gcm/v1');
  const secretKey = subkey(masterKey, 'jiceng/secrets/aes-256-gcm/v1');
  const hashKeys: Record<KeyedHashPurpose, Buffer> = {
    login_name: subkey(masterKey, 'jiceng/login_name/hmac-sha256/v1'),
    recovery_code: subkey(masterKey, 'jiceng/recovery_code/hmac-sha256/v1'),
  };
  return {
    encrypt: (plain) => encryptWith(encryptionKey, plain),
    decrypt: (stored) => decryptWith(encryptionKey, stored),
    hash: (idNumber) => createHmac('sha256', macKey).update(canonical(idNumber)).digest('hex'),
    encryptBytes: (plain, context) => encryptBytesWith(bytesKey, plain, context),
    decryptBytes: (sealed, context) => decryptBytesWith(bytesKey, sealed, context),
    sealSecret: (plain, context) =>
      encryptBytesWith(secretKey, plain, `secret:${context}`).toString('base64url'),
    openSecret: (sealed, context) =>
      decryptBytesWith(secretKey, Buffer.from(sealed, 'base64url'), `secret:${context}`),
    keyedHash: (purpose, value) =>
      createHmac('sha256', hashKeys[purpose]).update(value, 'utf8').digest('hex'),
  };
}

/**
 * A short public fingerprint of the master key (from its own HKDF subkey, so it reveals nothing about the
 * others). Stored next to the data, it lets start-up detect that the key was lost or swapped before any ID
 * number fails to decrypt.
 */
export function keyFingerprint(masterKey: Uint8Array): string {
  return subkey(masterKey, 'jiceng/key-fingerprint/v1').subarray(0, 8).toString('hex');
}
