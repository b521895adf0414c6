import type { TestProject } from 'vitest/node';
import type { StartupReport } from '../src/server/startup.ts';
import { deriveTemplate, dropTemplate, type TemplateRef } from '../src/server/testing/template.ts';
import { prepareTestDeployment } from './deployment.ts';

/** The demo city seeded once: its template, and the start-up report of its seeding (accounts, password). */
export type DemoCity = { readonly template: TemplateRef; readonly report: StartupReport };

/**
 * Vitest global setup of the browser tests, after the migrated template's (global-setup.ts): the demo city
 * seeded once per run into a second template, so that `startServer({ seedDemo: true })` copies it instead of
 * seeding for every test file. Seeded on the day the run starts.
 */
export default async function setup(project: TestProject) {
  const migrated = JSON.parse(project.getProvidedContext().dbTemplate) as TemplateRef;
  const { template, filled: report } = await deriveTemplate(migrated, 'demo', (database) =>
    prepareTestDeployment(database.db, true),
  );
  project.provide('demoCity', JSON.stringify({ template, report } satisfies DemoCity));
  return async () => {
    await dropTemplate(template);
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    demoCity: string;
  }
}
