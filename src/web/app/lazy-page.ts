import { type ComponentType, lazy } from 'react';

/** React.lazy for a module with a named export (the project uses no default exports). */
export function lazyPage<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}
