import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActorClients, loginActors, seedActors } from '../../testing/actors.ts';
import { multipartBody, postImport } from '../../testing/fixtures/member-import.ts';
import {
  type RawCell,
  rawWorkbook,
  rosterRows,
  sharedStringsBomb,
  sheetXml,
  workbookParts,
  zip,
} from '../../testing/fixtures/raw-xlsx.ts';
import { seedTree } from '../../testing/fixtures.ts';
import { startTestApp, type TestApp, type TestResponse } from '../../testing/test-app.ts';
import { defaultUploadTempDir } from './upload-temp.ts';

/**
 * Hostile uploads (issue 7): each is refused with a clear Chinese 400 while the server goes on answering
 * other requests, and without the process growing by more than 300 MB.
 */
let t: TestApp;
let as: ActorClients;
const BRANCH = '和平社区第一党支部';
const MB = 1024 * 1024;

beforeAll(async () => {
  t = await startTestApp();
  const tree = await seedTree(t.deps.db);
  await seedActors(t.deps.db, tree);
  as = await loginActors(t);
});
afterAll(() => t.close());

type Outcome = {
  res: TestResponse;
  /** GET /api/health, sent once the upload had started. */
  health: TestResponse;
  /** Whether the health check was answered before the upload. */
  healthFirst: boolean;
  rssGrowthMb: number;
};

/** Uploads `content` while a health check is sent, sampling the process's memory all along. */
async function upload(content: Buffer, name = '党员名册.xlsx'): Promise<Outcome> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  let uploadDone = false;
  const pending = postImport(t.app, as.orgadminA.headers, content, {}, name).then((res) => {
    uploadDone = true;
    return res as TestResponse;
  });
  // Let the upload start before the concurrent request is sent.
  await new Promise((resolve) => setImmediate(resolve));
  const health = (await t.anon.get('/api/health')) as TestResponse;
  const healthFirst = !uploadDone;
  const res = await pending;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { res, health, healthFirst, rssGrowthMb: (peak - before) / MB };
}

function expectRefused(outcome: Outcome, reason: string, text: string | RegExp) {
  expect(outcome.res.statusCode, outcome.res.body.slice(0, 300)).toBe(400);
  const error = outcome.res.json().error;
  expect(error).toMatchObject({ code: 'invalid_input', details: { reason } });
  expect(error.message).toMatch(text);
  expect(outcome.health.statusCode).toBe(200);
  expect(outcome.rssGrowthMb).toBeLessThanOrEqual(300);
}

describe('a zip bomb', () => {
  it('whose directory declares its size is refused before a byte is inflated', async () => {
    const bomb = sharedStringsBomb('A'.repeat(1000), 1024 * MB);
    const sheet = { name: 'sheet', data: Buffer.from(sheetXml(rosterRows(1, 1, BRANCH))) };
    const file = zip(workbookParts(sheet, [bomb]));
    expect(file.length).toBeLessThan(4 * MB);
    const outcome = await upload(file);
    expectRefused(outcome, 'inflated_too_large', /解压后的内容不能超过 \d+ MB/);
  });

  it('that lies about its size is stopped as soon as it inflates past what it declared', async () => {
    const bomb = sharedStringsBomb('A'.repeat(1000), 1024 * MB, 10_000);
    const sheet = { name: 'sheet', data: Buffer.from(sheetXml(rosterRows(1, 1, BRANCH))) };
    const outcome = await upload(zip(workbookParts(sheet, [bomb])));
    expectRefused(outcome, 'not_xlsx', '解压后的内容大于压缩包中声明的大小');
  });

  it('of shared strings within the inflated limit is stopped at the shared-strings limit', async () => {
    const bomb = sharedStringsBomb('字'.repeat(300), 300 * MB);
    const sheet = { name: 'sheet', data: Buffer.from(sheetXml(rosterRows(1, 1, BRANCH))) };
    const outcome = await upload(zip(workbookParts(sheet, [bomb])));
    expectRefused(outcome, 'shared_strings_too_large', '共享字符串不能超过 64 MB');
  });
});

describe('a sheet past the size limits', () => {
  it('of 16,384 columns is refused, naming the column limit', async () => {
    const wide: RawCell[] = Array.from({ length: 16_384 }, (_, i) => i);
    const outcome = await upload(rawWorkbook([wide]));
    expectRefused(outcome, 'too_many_columns', '最多 256 列');
  });

  it('of 300,000 rows is refused at the row limit, the server answering meanwhile', async () => {
    const rows: RawCell[][] = Array.from({ length: 300_000 }, (_, i) => [i]);
    const outcome = await upload(rawWorkbook(rows));
    expectRefused(outcome, 'too_many_rows', '最多 200000 行');
    expect(outcome.healthFirst).toBe(true);
  });

  it('over the file size limit is refused without being kept', async () => {
    const outcome = await upload(Buffer.concat([Buffer.from('PK\u0003\u0004'), randomBytes(21 * MB)]));
    expectRefused(outcome, 'file_too_large', '文件大小不能超过 20 MB');
  });

  it('over the file size limit is answered on a real connection once the rest of its body was read', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const content = Buffer.concat([Buffer.from('PK\u0003\u0004'), randomBytes(40 * MB)]);
    const body = multipartBody({ dryRun: 'true' }, { name: '党员名册.xlsx', content });
    const res = await fetch(`${address}/api/members/import`, {
      method: 'POST',
      headers: { ...as.orgadminA.headers, 'content-type': body.contentType },
      body: body.payload,
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.details.reason).toBe('file_too_large');
  });
});

describe('cells without their r reference', () => {
  it('are read where Excel reads them, right after the previous cell', async () => {
    const rows = rosterRows(11, 3, BRANCH, (i) => (i === 12 ? { phoneMobile: null } : {}));
    const positional = await upload(rawWorkbook(rows, { withRefs: false }));
    const referenced = await upload(rawWorkbook(rows));
    for (const outcome of [positional, referenced]) {
      expect(outcome.res.statusCode, outcome.res.body.slice(0, 300)).toBe(200);
      expect(outcome.res.json()).toMatchObject({ rowCount: 3, validCount: 3, errors: [] });
    }
  });
});

describe('a file that is not a workbook', () => {
  const cases: [string, Buffer, string | RegExp][] = [
    ['random bytes', randomBytes(50_000), '不是有效的 .xlsx 工作簿'],
    ['an old .xls', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), randomBytes(4096)]), '旧版 .xls'],
    ['a zip without a workbook', zip([{ name: 'hello.txt', data: Buffer.from('你好') }]), '不是有效的 .xlsx'],
    ['a truncated workbook', rawWorkbook(rosterRows(1, 50, BRANCH)).subarray(0, 3000), '不是有效的 .xlsx'],
    [
      'a workbook of broken XML',
      zip(workbookParts({ name: 'sheet', data: Buffer.from('<worksheet><sheetData><row>') })),
      '不是有效的 .xlsx',
    ],
  ];
  it.each(cases)('(%s) is refused with 400 not_xlsx', async (_, content, text) => {
    expectRefused(await upload(content), 'not_xlsx', text);
  });
});

describe('the upload folder', () => {
  it('keeps nothing of this process once the uploads above were answered', async () => {
    const left = await readdir(defaultUploadTempDir()).catch(() => []);
    expect(left.filter((name) => name.startsWith(`${process.pid}-`))).toEqual([]);
  });
});
