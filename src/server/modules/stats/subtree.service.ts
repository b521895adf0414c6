import type { IsoDate } from '../../../domain/shared/index.ts';
import type { Db } from '../../db/client.ts';
import { SUBTREE_KEYS } from '../../db/tables/stats.ts';
import { bringAgesToToday } from './rollup.service.ts';
import {
  addToSubtrees,
  type FoldRow,
  loadFoldRows,
  lockRefresh,
  readSubtreeSnapshot,
  type SubtreeNode,
  type SubtreeVector,
  setBases,
  takeChanges,
} from './subtree.repo.ts';

/** Past this many logged changes, a read folds them in first (readers stay exact either way). */
const REFRESH_AT = 64;

/** The ids on a path, root first: every org whose subtree holds the org at the end of it. */
const ancestry = (path: string) => path.split('.').map(Number);

function addTo(row: SubtreeVector, v: SubtreeVector, sign: 1 | -1): void {
  for (const k of SUBTREE_KEYS) {
    const n = v[k];
    if (n) row[k] = (row[k] ?? 0) + sign * n;
  }
}

function addInto(target: Map<number, SubtreeVector>, orgId: number, v: SubtreeVector, sign: 1 | -1) {
  const row = target.get(orgId) ?? {};
  addTo(row, v, sign);
  target.set(orgId, row);
}

/** What folding these orgs in changes in each subtree: their old vector out of the old ancestors, new in. */
export function foldDeltas(rows: readonly FoldRow[]): Map<number, SubtreeVector> {
  const deltas = new Map<number, SubtreeVector>();
  for (const r of rows) {
    if (r.basePath !== null) for (const a of ancestry(r.basePath)) addInto(deltas, a, r.base, -1);
    if (r.path !== null) for (const a of ancestry(r.path)) addInto(deltas, a, r.own, 1);
  }
  return deltas;
}

/**
 * Folds the logged changes into the subtree rollup, in its own transaction, unless another refresh holds
 * the lock (then readers go on adding the log themselves). Takes the log first and reads the facts after,
 * so that a change committed in between stays logged and is never lost.
 */
export async function refreshSubtrees(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (!(await lockRefresh(tx, false))) return false;
    const orgIds = await takeChanges(tx);
    if (orgIds.length === 0) return true;
    const rows = await loadFoldRows(tx, orgIds);
    await addToSubtrees(tx, foldDeltas(rows));
    await setBases(tx, rows);
    return true;
  });
}

const under = (path: string, root: string) => path === root || path.startsWith(`${root}.`);

/**
 * Each node's refreshed sum, plus every logged org now if it lies under the node now, minus it as last
 * counted if it lay under the node as the refresh saw the node then. Orgs not in the log are as counted.
 */
export function withLoggedChanges(
  nodes: readonly SubtreeNode[],
  log: readonly FoldRow[],
): Map<number, SubtreeVector> {
  const out = new Map<number, SubtreeVector>();
  for (const n of nodes) {
    const v: SubtreeVector = { ...n.refreshed };
    for (const c of log) {
      if (c.path !== null && under(c.path, n.path)) addTo(v, c.own, 1);
      if (c.basePath !== null && n.basePath !== null && under(c.basePath, n.basePath)) addTo(v, c.base, -1);
    }
    out.set(n.id, v);
  }
  return out;
}

/**
 * The whole-subtree vectors of an org and of its direct children (keyed by org id), exact as of one
 * snapshot (one statement: the refreshed sums and the short log of changes since, added here), with the
 * children's names. Ages are brought to today and a long log folded in first, outside that snapshot.
 */
export async function readSubtrees(db: Db, orgId: number, today: IsoDate) {
  let snap = await readSubtreeSnapshot(db, orgId, REFRESH_AT + 1, false);
  if (snap.ageAsOf !== today || snap.pending > REFRESH_AT) {
    if (snap.ageAsOf !== today) await bringAgesToToday(db, today);
    if (snap.pending > REFRESH_AT) await refreshSubtrees(db);
    snap = await readSubtreeSnapshot(db, orgId, REFRESH_AT + 1, false);
  }
  if (snap.pending > 0) snap = await readSubtreeSnapshot(db, orgId, REFRESH_AT + 1, true);
  return { vectors: withLoggedChanges(snap.nodes, snap.log), nodes: snap.nodes };
}
