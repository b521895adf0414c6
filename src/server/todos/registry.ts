import type { FindingKind } from '../../domain/org/index.ts';
import type { TodoInput } from './inputs.ts';
import type { TodoProducer } from './producer.ts';

/** The to-do producers of an app's modules (app.ts builds it from modules/index.ts): what /api/findings and the 工作台 read. */
export type TodoRegistry = { readonly producers: readonly TodoProducer[] };

/** The registry of these producers; a kind given by two producers is a programming error. */
export function todoRegistry(producers: readonly TodoProducer[]): TodoRegistry {
  const owner = new Map<FindingKind, string>();
  for (const p of producers) {
    for (const kind of p.kinds) {
      const other = owner.get(kind);
      if (other !== undefined)
        throw new Error(`finding kind ${kind} is produced by both ${other} and ${p.name}`);
      owner.set(kind, p.name);
    }
  }
  return { producers };
}

/** The producers whose findings rest on any of these inputs. */
export function producersOf(registry: TodoRegistry, inputs: ReadonlySet<TodoInput>): TodoProducer[] {
  return registry.producers.filter((p) => p.inputs.some((i) => inputs.has(i)));
}
