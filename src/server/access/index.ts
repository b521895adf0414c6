/**
 * The access kernel: where an actor may act (scopes of permissions, 403 and 404), and the opening every service
 * repeats (load in scope or 404, the authorizing role, the version check). Services import it from here.
 */
export { expectVersion, found, type Loaded, loadForChange, orgIn, subtreeIn } from './load.ts';
export {
  type Acting,
  canAt,
  holds,
  requireAt,
  requirePermission,
  scopeFor,
  scopeOf,
} from './permissions.ts';
export type { Principal } from './principal.ts';
