import type { Deps } from '../deps.ts';
import type { App } from '../http/app-types.ts';

/**
 * What a module hands the kernel. Each module folder exports one from its index.ts (its public file), and
 * modules/index.ts lists them: adding a module is its folder plus one line there (ARCHITECTURE.md, "Adding a
 * module").
 */
export type Module = {
  /** The module's folder name under src/server/modules. */
  readonly name: string;
  /** Adds the module's endpoints; routes take their context from the request (request.ctx). */
  readonly registerRoutes: (app: App, deps: Deps) => void;
};
