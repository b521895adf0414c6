import { stat } from 'node:fs/promises';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readFacts, tableMismatches } from '../backup/manifest.ts';
import { type BackupResult, runBackup } from '../backup/run-backup.ts';
import { runRestore } from '../backup/run-restore.ts';
import { type Database, openDatabase } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { auditLog } from '../db/tables/audit.ts';
import { orgEvents, orgs } from '../db/tables/orgs.ts';
import { persons } from '../db/tables/people.ts';
import { ensureIdKeyFingerprint } from '../modules/settings/index.ts';
import { createIdCipher, keyFingerprint, loadSecretKey } from '../security/crypto.ts';
import {
  configFor,
  createTestDatabase,
  inTransaction,
  type LiveServer,
  removeDirs,
  rowHashes,
  startLiveServer,
  startWrites,
  tempDir,
} from './fixtures/backup.ts';
import { memberBody } from './fixtures/members.ts';

/**
 * The round trip both database kinds must pass: a server takes a stream of writes through its API while
 * `npm run backup` runs; the archive is restored into an empty target; the restored tables are compared with
 * the manifest, and the manifest with the source. Call inside a describe: it registers its own hooks.
 */
export type RoundTrip = {
  readonly kind: 'pglite' | 'postgres';
  live: LiveServer;
  restored: Database;
  backup: BackupResult;
  writes: ReturnType<typeof startWrites>;
  /** Orgs the writes had created when the backup was asked for. */
  orgsBefore: number;
  /** The restored deployment's data folder (its key file). */
  targetDir: string;
  /** The restored database's URL, on PostgreSQL. */
  targetUrl?: string;
  /** A further empty database on the server, for the PostgreSQL refusals. */
  spareUrl?: string;
  /** The source database's URL, on PostgreSQL. */
  sourceUrl?: string;
  readonly idNumbers: string[];
};

const say = () => undefined;
const now = () => new Date();
const FIXTURE_ORGS = 12;

export function useRoundTrip(serverUrl?: string): RoundTrip {
  const state = { kind: serverUrl ? 'postgres' : 'pglite', idNumbers: [] as string[] } as RoundTrip;
  const cleanup: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    const [dataDir, backupDir, targetDir] = [
      await tempDir('live'),
      await tempDir('backups'),
      await tempDir('target'),
    ];
    cleanup.push(() => removeDirs([dataDir, backupDir, targetDir]));
    const [source, target, spare] = serverUrl
      ? await Promise.all([1, 2, 3].map(() => createTestDatabase(serverUrl)))
      : [];
    for (const db of [source, target, spare]) if (db) cleanup.push(db.drop);
    state.sourceUrl = source?.url;
    state.spareUrl = spare?.url;
    state.targetUrl = target?.url;
    state.targetDir = targetDir;
    state.live = await startLiveServer(dataDir, source?.url);
    cleanup.unshift(() => state.live.close());
    for (let i = 0; i < 3; i++) {
      const body = memberBody(state.live.tree.branchA1.id);
      state.idNumbers.push(body.person.idNumber);
      expect((await state.live.admin.post('/api/members', body)).statusCode).toBe(200);
    }
    state.writes = startWrites(state.live);
    while (state.writes.orgs.length < 5) await new Promise((r) => setTimeout(r, 5));
    state.orgsBefore = state.writes.orgs.length;
    state.backup = await runBackup({ config: configFor(dataDir, source?.url), dir: backupDir, now, say });
    await state.writes.stop(3);
    const keyFile = state.backup.keyPath as string;
    const config = configFor(targetDir, target?.url);
    await runRestore({ config, archive: state.backup.archivePath, keyFile, now, say });
    state.restored = target
      ? await openDatabase({ kind: 'postgres', url: target.url, poolSize: 2 })
      : await openDatabase({ kind: 'pglite', dataDir: path.join(targetDir, 'pglite') });
    cleanup.unshift(() => state.restored.close());
  });
  afterAll(async () => {
    for (const step of cleanup) await step();
  });
  return state;
}

/** The checks of a round trip, as `it` blocks. */
export function roundTripChecks(t: RoundTrip): void {
  it('writes the archive (0600) in a private folder, with the key beside it (0600), never inside it', async () => {
    expect(path.basename(t.backup.archivePath)).toMatch(/^jiceng-backup-\d{8}-\d{6}\.tar\.gz$/);
    expect((await stat(t.backup.archivePath)).mode & 0o777).toBe(0o600);
    expect((await stat(path.dirname(t.backup.archivePath))).mode & 0o777).toBe(0o700);
    expect(t.backup.keyPath).toBe(t.backup.archivePath.replace(/\.tar\.gz$/, '.key'));
    expect((await stat(t.backup.keyPath as string)).mode & 0o777).toBe(0o600);
    expect(JSON.stringify(t.backup.manifest)).not.toContain(t.live.key.toString('base64'));
    expect(t.backup.manifest.idKeyFingerprint).toBe(keyFingerprint(t.live.key));
  });

  it('keeps the writes that finished before it and none of those after it: counts lie in between', () => {
    expect(t.writes.failures).toEqual([]);
    const table = (name: string) => t.backup.manifest.tables.find((x) => x.name === name);
    const created = (table('public.orgs')?.rows ?? 0) - FIXTURE_ORGS;
    expect(created).toBeGreaterThanOrEqual(t.orgsBefore);
    expect(created).toBeLessThan(t.writes.orgs.length);
  });

  it('restores every table exactly as the manifest describes it', async () => {
    const facts = await inTransaction(t.restored, readFacts);
    expect(facts.tables.map((x) => x.name)).toEqual(t.backup.manifest.tables.map((x) => x.name));
    // The audit table differs by the one row that records the restore: check it without that row.
    const audit = await inTransaction(t.restored, async (run) => {
      await run("SET LOCAL TimeZone = 'UTC'");
      const [row] = await run(`select count(*)::int as rows,
        coalesce(sum(('x' || left(md5(r::text), 16))::bit(64)::bigint), 0)::text as checksum
        from audit_log r where action <> 'system.restore'`);
      return { name: 'public.audit_log', rows: Number(row?.rows), checksum: String(row?.checksum) };
    });
    const tables = facts.tables.map((x) => (x.name === audit.name ? audit : x));
    expect(tableMismatches(t.backup.manifest.tables, tables)).toEqual([]);
  });

  it('was taken at one transaction boundary: each org comes back with its history and its audit row, or not at all', async () => {
    const back = (
      await t.restored.db.select({ id: orgs.id }).from(orgs).where(inArray(orgs.id, t.writes.orgs))
    ).map((o) => o.id);
    expect(back).toEqual(t.writes.orgs.slice(0, back.length));
    const events = await t.restored.db
      .select({ id: orgEvents.orgId })
      .from(orgEvents)
      .where(inArray(orgEvents.orgId, t.writes.orgs));
    const audits = await t.restored.db
      .select({ id: auditLog.entityId })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'org.create')));
    expect(new Set(events.map((e) => e.id))).toEqual(new Set(back));
    expect(
      audits
        .map((a) => Number(a.id))
        .filter((id) => t.writes.orgs.includes(id))
        .sort(),
    ).toEqual([...back].sort());
  });

  it('holds only rows that existed in the source, identical, in the tables the writes only append to', async () => {
    const tables = ['public.orgs', 'public.org_events', 'public.persons', 'public.members', 'public.users'];
    const source = await rowHashes(t.live.database, [...tables, 'public.audit_log']);
    const copy = await rowHashes(t.restored, [...tables, 'public.audit_log']);
    for (const table of tables) {
      const missing = [...(copy.get(table) ?? [])].filter((h) => !source.get(table)?.has(h));
      expect(missing, table).toEqual([]);
    }
    const auditNotInSource = [...(copy.get('public.audit_log') ?? [])].filter(
      (h) => !source.get('public.audit_log')?.has(h),
    );
    expect(auditNotInSource).toHaveLength(1); // the restore's own row
  });

  it('records the backup in the live audit log and the restore in the restored one, as the console, without the key', async () => {
    const name = path.basename(t.backup.archivePath);
    const [taken] = await t.live.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'system.backup'));
    expect(taken).toMatchObject({
      actorId: null,
      actorUsername: '命令行',
      entityType: 'backup',
      entityId: name,
    });
    expect(taken?.diff).toMatchObject({ note: { archive: name, database: t.kind } });
    const note = taken?.diff?.note as { tables: Record<string, number> };
    expect(note.tables['public.orgs']).toBe(
      t.backup.manifest.tables.find((x) => x.name === 'public.orgs')?.rows,
    );
    const [back] = await t.restored.db.select().from(auditLog).where(eq(auditLog.action, 'system.restore'));
    expect(back).toMatchObject({ actorUsername: '命令行', entityId: name });
    expect(JSON.stringify([taken, back])).not.toContain(t.live.key.toString('base64'));
  });

  it('gives a data folder the server starts on, whose ID numbers the restored key reads', async () => {
    const secret = loadSecretKey({ dataDir: t.targetDir });
    expect(secret.created).toBe(false);
    expect(secret.key.equals(t.live.key)).toBe(true);
    expect((await stat(path.join(t.targetDir, 'secret.key'))).mode & 0o777).toBe(0o600);
    await migrate(t.restored);
    await ensureIdKeyFingerprint(t.restored.db, keyFingerprint(secret.key));
    const cipher = createIdCipher(secret.key);
    const stored = await t.restored.db.select({ enc: persons.idNumberEnc }).from(persons);
    const read = stored.flatMap((p) => (p.enc ? [cipher.decrypt(p.enc)] : []));
    expect(read).toEqual(expect.arrayContaining(t.idNumbers));
  });
}
