import type { Deps } from '../deps.ts';
import type { App } from '../http/app-types.ts';
import { type TodoProducer, type TodoRegistry, todoRegistry } from '../todos/index.ts';

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
  /**
   * What the module puts on every user's 待办 (src/server/todos): its finding producers. /api/findings and the
   * 工作台 read whatever the modules register, and keep their findings as the module's data changes.
   */
  readonly todoProducers?: readonly TodoProducer[];
};

/** The to-do registry of these modules: their producers (src/server/todos). */
export function todoRegistryOf(modules: readonly Module[]): TodoRegistry {
  return todoRegistry(modules.flatMap((m) => m.todoProducers ?? []));
}
