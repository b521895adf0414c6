import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  OPENAPI_COMMAND,
  OPENAPI_FILES,
  type OpenApiFiles,
  readCommittedOpenApi,
  renderOpenApi,
} from '../../../scripts/openapi.ts';
import { startTestApp, type TestApp } from '../testing/test-app.ts';

/** Where two texts first part, line by line (a whole-file diff of the document would bury the point). */
function firstDifference(committed: string, generated: string): string | null {
  if (committed === generated) return null;
  const a = committed.split('\n');
  const b = generated.split('\n');
  const line = a.findIndex((text, i) => text !== b[i]);
  const at = line === -1 ? a.length : line;
  return `line ${at + 1}: committed ${JSON.stringify(a[at] ?? '(end)')}, generated ${JSON.stringify(b[at] ?? '(end)')}`;
}

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('the committed API document and web client types', () => {
  it('equal what the routes and contracts generate (CI fails on a stale one)', async () => {
    const generated = await renderOpenApi(t.app);
    const committed = await readCommittedOpenApi();
    for (const key of Object.keys(OPENAPI_FILES) as (keyof OpenApiFiles)[]) {
      const file = OPENAPI_FILES[key];
      expect(
        firstDifference(committed[key], generated[key]),
        `${file} is stale: run \`${OPENAPI_COMMAND}\` and commit ${file}`,
      ).toBeNull();
    }
  });

  it('name every route of the API with its responses, none left untyped', async () => {
    const document = JSON.parse((await readCommittedOpenApi()).document) as {
      paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    };
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({ route: `${method} ${path}`, operation })),
    );
    expect(operations.length).toBeGreaterThan(50);
    const withoutSuccess = operations.filter(({ operation }) => !operation.responses?.['200']);
    expect(withoutSuccess.map((o) => o.route)).toEqual([]);
  });
});
