import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { keyFingerprint } from '../../security/crypto.ts';
import { freshDatabase } from '../../testing/test-db.ts';
import { ensureIdKeyFingerprint } from './settings.service.ts';

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.close());

describe('the ID-number key and the data belong together', () => {
  const key = randomBytes(32);

  it('remembers the fingerprint of the first key and accepts it again', async () => {
    await ensureIdKeyFingerprint(database.db, keyFingerprint(key));
    await expect(ensureIdKeyFingerprint(database.db, keyFingerprint(key))).resolves.toBeUndefined();
  });

  it('refuses to start with another key, saying which file to restore', async () => {
    await expect(ensureIdKeyFingerprint(database.db, keyFingerprint(randomBytes(32)))).rejects.toThrow(
      /secret\.key/,
    );
  });
});
