import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './db/client.ts';
import { safeError, scrubMessage } from './log-errors.ts';
import { createLogger } from './logging.ts';
import { freshDatabase } from './testing/test-db.ts';

/**
 * Database errors reach the log without the values they were about: a failed query's parameters and the value
 * PostgreSQL quotes in its message are a phone number, a name, an address.
 */
let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.close());

const PHONE = '13812345678';
const NAME = '张三丰';

async function failingQuery(): Promise<unknown> {
  return database.db.execute(sql`select ${PHONE}::int as n, ${NAME}::text as name`).catch((e: unknown) => e);
}

function logged(error: unknown): string {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  createLogger('info', sink).error({ err: error }, 'unhandled error');
  return lines.join('');
}

describe('errors in the log', () => {
  it('keep the kind of fault and the SQL text, never the parameters or the quoted value', async () => {
    const error = await failingQuery();
    expect(String((error as Error).message) + String((error as { cause?: Error }).cause?.message)).toContain(
      PHONE,
    );
    const line = logged(error);
    expect(line).not.toContain(PHONE);
    expect(line).not.toContain(NAME);
    expect(line).toContain('select $1::int');
    expect(line).toMatch(/"code":"22/);
  });

  it('keep constraint names and drop the key values of a duplicate', () => {
    const text = scrubMessage(
      'duplicate key value violates unique constraint "persons_phone_key"\nKey (phone_mobile)=(13812345678) already exists.',
    );
    expect(text).toContain('"persons_phone_key"');
    expect(text).toContain('(phone_mobile)=([已隐藏])');
    expect(text).not.toContain(PHONE);
  });

  it('keep the stack frames', async () => {
    const safe = safeError(await failingQuery());
    expect(safe.stack).toMatch(/\n\s+at /);
    expect(safe.stack).not.toContain(PHONE);
  });
});
