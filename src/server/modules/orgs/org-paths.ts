import { isWithin } from '../../../domain/access/index.ts';
import type { Db } from '../../db/client.ts';
import type { Scope } from '../../db/scope.ts';
import { findOrgNames } from './orgs.repo.ts';

/** The ids along an ltree path, root first: `1.4.17` → [1, 4, 17]. */
export function idsOf(path: string): number[] {
  return path.split('.').map(Number);
}

/**
 * The ancestors shown in a search result: from the top of the actor's scope (the scope root that holds the
 * org) down to the parent. Ancestors above the scope are not shown, so that nothing outside it is revealed.
 */
export function ancestorIdsInScope(path: string, scope: Scope): number[] {
  const root = scope.roots.find((r) => isWithin(path, r));
  if (root === undefined) return [];
  const ids = idsOf(path);
  return ids.slice(idsOf(root).length - 1, -1);
}

/** `甲区委 / 甲一街道党工委` for each path, with the names of the ancestors of this page only. */
export async function pathNamesOf(
  db: Db,
  scope: Scope,
  paths: readonly string[],
): Promise<Map<string, string>> {
  const chains = new Map(paths.map((p) => [p, ancestorIdsInScope(p, scope)]));
  const names = await findOrgNames(db, [...new Set([...chains.values()].flat())]);
  return new Map([...chains].map(([p, ids]) => [p, ids.map((id) => names.get(id) ?? '').join(' / ')]));
}
