import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../db/client.ts';
import { adminQuery, type TemplateRef, withDatabase } from './template.ts';

/**
 * A fresh, migrated database for one test file: PGlite in memory loaded from the template dump, or a new
 * PostgreSQL database cloned from the template when DATABASE_URL is set. Closing it drops it.
 */
export async function freshDatabase(): Promise<Database> {
  const ref = JSON.parse(inject('dbTemplate')) as TemplateRef;
  if (ref.kind === 'pglite') {
    const dump = new Blob([await readFile(ref.dumpFile)]);
    return openDatabase({ kind: 'pglite', loadDataDir: dump });
  }
  const name = `jiceng_t_${randomBytes(6).toString('hex')}`;
  await createFromTemplate(ref, name);
  const database = await openDatabase({
    kind: 'postgres',
    url: withDatabase(ref.serverUrl, name),
    poolSize: 4,
  });
  return {
    ...database,
    close: async () => {
      await database.close();
      await adminQuery(ref.serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** Two workers cloning the same template at once can collide ("being accessed by other users"): retry. */
async function createFromTemplate(
  ref: Extract<TemplateRef, { kind: 'postgres' }>,
  name: string,
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(ref.serverUrl, `CREATE DATABASE ${name} TEMPLATE ${ref.template}`);
      return;
    } catch (error) {
      if (attempt >= 20 || !String(error).includes('being accessed by other users')) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
}
