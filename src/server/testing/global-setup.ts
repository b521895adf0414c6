import type { TestProject } from 'vitest/node';
import { createTemplate, dropTemplate } from './template.ts';

/** Vitest global setup: migrate one template database for the whole run. */
export default async function setup(project: TestProject) {
  const ref = await createTemplate(process.env.DATABASE_URL);
  project.provide('dbTemplate', JSON.stringify(ref));
  return async () => {
    await dropTemplate(ref);
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    dbTemplate: string;
  }
}
