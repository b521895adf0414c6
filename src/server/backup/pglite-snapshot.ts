import type { PGlite } from '@electric-sql/pglite';
import { blobBytes, digest } from './archive.ts';
import { appVersion, type Manifest, readFacts } from './manifest.ts';

export type PgliteSnapshot = { readonly manifest: Manifest; readonly dump: Blob };

/**
 * A consistent copy of the embedded database while it serves. PGlite runs one query at a time, and a
 * transaction holds its transaction lock from BEGIN to COMMIT; `dumpDataDir()` on its own takes only the query
 * lock, so it could copy the files between two statements of an app transaction. Running CHECKPOINT, the
 * manifest and the dump inside one PGlite transaction means that no app transaction is half-way: the files are
 * copied at a transaction boundary, and the manifest describes exactly those files. Requests wait meanwhile.
 */
export async function snapshotPglite(pglite: PGlite, now: () => Date): Promise<PgliteSnapshot> {
  const taken = await pglite.transaction(async (tx) => {
    // Every change so far goes into the data files: the copy needs no WAL replay to be complete.
    await tx.exec('CHECKPOINT');
    const facts = await readFacts(async (text) => (await tx.query<Record<string, unknown>>(text)).rows);
    const createdAt = now().toISOString();
    const dump = await pglite.dumpDataDir('none');
    return { facts, createdAt, dump };
  });
  const { sha256, bytes } = await digest(blobBytes(taken.dump));
  const manifest: Manifest = {
    format: 'jiceng-backup',
    formatVersion: 1,
    database: 'pglite',
    appVersion: appVersion(),
    createdAt: taken.createdAt,
    ...taken.facts,
    dump: { file: 'pglite.tar', bytes, sha256 },
  };
  return { manifest, dump: taken.dump };
}
