import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../db/client.ts';
import { adminQuery, cloneDatabase, readDump, type TemplateRef, withDatabase } from './template.ts';

/**
 * A fresh database for one test file, copied from a template (the migrated one by default): PGlite in memory
 * loaded from the template dump, or a new PostgreSQL database cloned from the template when DATABASE_URL is set.
 * Closing it drops it.
 */
export async function freshDatabase(
  ref: TemplateRef = JSON.parse(inject('dbTemplate')) as TemplateRef,
): Promise<Database> {
  if (ref.kind === 'pglite') {
    return openDatabase({ kind: 'pglite', loadDataDir: await readDump(ref) });
  }
  const name = `jiceng_t_${randomBytes(6).toString('hex')}`;
  await cloneDatabase(ref, name);
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
