import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { inject } from 'vitest';
import { buildApp } from '../app.ts';
import { manualClock } from '../clock.ts';
import { type Database, openDatabase, queryRows } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import type { Deps } from '../deps.ts';
import type { App } from '../http/app-types.ts';
import { ensureIdKeyFingerprint } from '../modules/settings/settings.service.ts';
import { createIdCipher, keyFingerprint, loadSecretKey } from '../security/crypto.ts';
import { createUser, seedTree, TEST_PASSWORD, type Tree } from '../testing/fixtures.ts';
import { adminQuery, type TemplateRef, withDatabase } from '../testing/template.ts';
import { loginAs, TEST_NOW, type TestClient } from '../testing/test-app.ts';
import { archiveStream, fileBytes } from './archive.ts';
import { type ControlSocket, startControlSocket } from './control-socket.ts';
import type { Manifest, SqlRunner } from './manifest.ts';
import type { BackupConfig } from './run-backup.ts';

/** A server as `npm start` runs it, on a data folder on disk: the app, its database and its key file. */
export type LiveServer = {
  readonly app: App;
  readonly deps: Deps;
  readonly database: Database;
  readonly dataDir: string;
  readonly key: Buffer;
  readonly control: ControlSocket;
  readonly tree: Tree;
  /** An org_admin of district A, who creates orgs and members there. */
  readonly admin: TestClient;
  close(): Promise<void>;
};

const silent = pino({ level: 'silent' });

export async function tempDir(label: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `jiceng-${label}-`));
}

/** The embedded database in `<dataDir>/pglite`, migrated (from the test run's template when it is PGlite). */
async function openEmbedded(dataDir: string): Promise<Database> {
  const ref = JSON.parse(inject('dbTemplate')) as TemplateRef;
  const folder = path.join(dataDir, 'pglite');
  if (ref.kind === 'pglite') {
    return openDatabase({
      kind: 'pglite',
      dataDir: folder,
      loadDataDir: new Blob([await readFile(ref.dumpFile)]),
    });
  }
  const database = await openDatabase({ kind: 'pglite', dataDir: folder });
  await migrate(database);
  return database;
}

/** A serving app on the embedded database in `dataDir` (or on a PostgreSQL database), with its control socket. */
export async function startLiveServer(dataDir: string, postgresUrl?: string): Promise<LiveServer> {
  const database = postgresUrl
    ? await openDatabase({ kind: 'postgres', url: postgresUrl, poolSize: 4 })
    : await openEmbedded(dataDir);
  if (postgresUrl) await migrate(database);
  const secret = loadSecretKey({ dataDir });
  await ensureIdKeyFingerprint(database.db, keyFingerprint(secret.key));
  const clock = manualClock(TEST_NOW);
  const deps: Deps = {
    db: database.db,
    database,
    clock,
    log: silent,
    secureCookie: false,
    loginRateLimitPerMinute: 10_000,
    idCipher: createIdCipher(secret.key),
  };
  const app = await buildApp(deps, { serveWeb: false });
  const control = await startControlSocket({
    database,
    dataDir,
    log: silent,
    clock,
    timeZone: 'Asia/Shanghai',
  });
  const tree = await seedTree(database.db);
  await createUser(database.db, {
    username: 'admin_a',
    orgId: tree.districtA.id,
    roles: [{ role: 'org_admin' }],
  });
  const admin = await loginAs({ app, deps, clock }, 'admin_a', TEST_PASSWORD);
  return {
    app,
    deps,
    database,
    dataDir,
    key: secret.key,
    control,
    tree,
    admin,
    close: async () => {
      await control.close();
      await app.close();
      await database.close();
    },
  };
}

/** The configuration the commands read from the environment, for a test's folders and database. */
export function configFor(dataDir: string, databaseUrl?: string): BackupConfig {
  return {
    dataDir,
    databaseUrl,
    databaseMigrationUrl: undefined,
    secretKey: undefined,
    timeZone: 'Asia/Shanghai',
  };
}

/**
 * Writes through the API until stopped: orgs (org row, its history, its audit row in one transaction) and
 * members (person with an encrypted ID number, membership, audit). What was created is kept, in order.
 */
export function startWrites(server: LiveServer) {
  const orgs: number[] = [];
  const failures: string[] = [];
  let stopped = false;
  let i = 0;
  const loop = (async () => {
    while (!stopped) {
      i++;
      const org = await server.admin.post('/api/orgs', {
        parentId: server.tree.communityA1.id,
        name: `并发测试第${i}党支部`,
        kind: 'branch',
        sector: 'community',
        establishedOn: '2026-05-20',
      });
      if (org.statusCode === 200) orgs.push(org.json().id);
      else failures.push(org.body);
    }
  })();
  return {
    orgs,
    failures,
    /** Stops after `more` further writes. */
    stop: async (more = 0) => {
      const target = orgs.length + failures.length + more;
      while (orgs.length + failures.length < target) await new Promise((r) => setTimeout(r, 5));
      stopped = true;
      await loop;
    },
  };
}

/** Runs `fn` in one transaction of `database`, with SQL text in and rows out. */
export function inTransaction<T>(database: Database, fn: (run: SqlRunner) => Promise<T>): Promise<T> {
  return database.db.transaction((tx) => fn((text) => queryRows(tx, sql.raw(text))));
}

/** md5 of each row's text (UTC timestamps), per table: to find every restored row in the source. */
export async function rowHashes(database: Database, tables: readonly string[]) {
  return inTransaction(database, async (run) => {
    await run("SET LOCAL TimeZone = 'UTC'");
    const out = new Map<string, Set<string>>();
    for (const table of tables) {
      const [schema, name] = table.split('.');
      const rows = await run(`select md5(r::text) as h from "${schema}"."${name}" r`);
      out.set(table, new Set(rows.map((r) => String(r.h))));
    }
    return out;
  });
}

/** A new database on the test server, and how to drop it. */
export async function createTestDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `jiceng_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  return {
    url: withDatabase(serverUrl, name),
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

export async function removeDirs(dirs: readonly string[]): Promise<void> {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
}

export type ArchiveChange = {
  readonly manifest?: (manifest: Manifest) => Manifest;
  readonly dump?: (file: string) => Promise<void>;
  /** A three-byte dump: for refusals that must come before the dump is even read. */
  readonly tinyDump?: boolean;
};

/** An archive made from an unpacked backup, changed as a damaged or doctored file would be. */
export async function writeAltered(
  source: { manifest: Manifest; dumpPath: string },
  workDir: string,
  change: ArchiveChange,
): Promise<string> {
  const dumpPath = path.join(workDir, source.manifest.dump.file);
  await copyFile(source.dumpPath, dumpPath);
  await change.dump?.(dumpPath);
  const manifest = change.manifest?.(source.manifest) ?? source.manifest;
  const [written, body] = change.tinyDump
    ? [{ ...manifest, dump: { ...manifest.dump, bytes: 3 } }, Readable.from([Buffer.from('abc')])]
    : [manifest, fileBytes(dumpPath)];
  const target = path.join(workDir, 'jiceng-backup-altered.tar.gz');
  await pipeline(archiveStream(written, body), createWriteStream(target));
  return target;
}
