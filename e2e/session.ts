import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { APIRequestContext, Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchBrowser, screenshotDir } from './browser.ts';
import { startServer } from './server.ts';

/** The API calls of a page: those still unanswered, and those answered with an error, for a failure's log. */
class ApiTraffic {
  readonly pending = new Map<Request, string>();
  readonly failures: string[] = [];
  report(): string {
    const pending = [...this.pending.values()];
    return [
      `未完成的请求：${pending.length ? pending.join('；') : '无'}`,
      `出错的请求：${this.failures.length ? this.failures.slice(-10).join('；') : '无'}`,
    ].join('\n');
  }
}

function watchApi(page: Page, api: ApiTraffic): void {
  const isApi = (r: Request) => new URL(r.url()).pathname.startsWith('/api/');
  const name = (r: Request) => `${r.method()} ${new URL(r.url()).pathname}${new URL(r.url()).search}`;
  page.on('request', (r) => {
    if (isApi(r)) api.pending.set(r, name(r));
  });
  page.on('requestfinished', async (r) => {
    api.pending.delete(r);
    const status = (await r.response())?.status() ?? 0;
    if (isApi(r) && status >= 400) api.failures.push(`${status} ${name(r)}`);
  });
  page.on('requestfailed', (r) => {
    api.pending.delete(r);
    if (isApi(r)) api.failures.push(`${r.failure()?.errorText ?? 'failed'} ${name(r)}`);
  });
}

/** The dialogs and alerts on the page (antd messages are alerts), as text. */
async function whatThePageSays(page: Page): Promise<string> {
  const texts = async (role: 'dialog' | 'alert') =>
    (
      await page
        .getByRole(role)
        .allInnerTexts()
        .catch(() => [])
    ).map((t) => t.replace(/\s+/g, ' ').slice(0, 300));
  return `页面地址：${page.url()}\n对话框：${(await texts('dialog')).join('；') || '无'}\n提示：${(await texts('alert')).join('；') || '无'}`;
}

/** The day and zone the server counts in (startServer's clock), so that the browser agrees with it. */
export const TIMEZONE = 'Asia/Shanghai';
export const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: TIMEZONE }).format(new Date());

export type BrowserSession = {
  server: Awaited<ReturnType<typeof startServer>>;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Where screenshots go (a failed test leaves one named after it). */
  shots: string;
  /** A temporary folder for downloads and files to upload. */
  files: string;
  /** Uncaught errors of the page: a journey ends by expecting none. */
  pageErrors: string[];
  shot(name: string): Promise<Buffer>;
};

type SessionOptions = {
  /** Whether the server seeds the demo city (with its accounts). */
  seedDemo?: boolean;
  /** Signs the browser context in through the API before the page opens (cookies are shared). */
  login?: { username: string; password: string };
  /** Runs as the signed-in user before the page opens: the test's own data. */
  prepare?: (request: APIRequestContext) => Promise<void>;
  timeoutMs?: number;
};

/**
 * The real server on a fresh database and a desktop Chromium page on it (zh-CN, Beijing time, downloads on),
 * for one `describe`: started before its tests, closed after them, with a screenshot of every failure. The
 * returned object is filled in once the `beforeAll` has run.
 */
export function useBrowserSession(options: SessionOptions = {}): BrowserSession {
  const session = {
    shots: screenshotDir(),
    files: mkdtempSync(path.join(os.tmpdir(), 'jiceng-e2e-files-')),
    pageErrors: [] as string[],
    shot: (name: string) => session.page.screenshot({ path: `${session.shots}/${name}.png`, fullPage: true }),
  } as BrowserSession;

  beforeAll(async () => {
    session.server = await startServer({ seedDemo: options.seedDemo ?? true });
    session.browser = await launchBrowser();
    session.context = await session.browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      timezoneId: TIMEZONE,
      acceptDownloads: true,
      baseURL: session.server.url,
    });
    if (options.login) {
      const res = await session.context.request.post('/api/auth/login', { data: options.login });
      if (!res.ok()) throw new Error(`login → ${res.status()} ${await res.text()}`);
    }
    await options.prepare?.(session.context.request);
    session.page = await session.context.newPage();
    session.page.setDefaultTimeout(options.timeoutMs ?? 30_000);
    session.page.on('pageerror', (e) => session.pageErrors.push(e.message));
    watchApi(session.page, api);
  });
  let failed = false;
  const api = new ApiTraffic();
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
    // The downloads go; the screenshots stay when a test failed, for whoever reads the failure.
    rmSync(session.files, { recursive: true, force: true });
    if (!failed) rmSync(session.shots, { recursive: true, force: true });
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && session.page) {
      failed = true;
      await session.shot(`failed-${ctx.task.name}`);
      // CI keeps no screenshots: what the page said and what the API did go to the log with the failure.
      console.error(
        `浏览器测试失败，截图在 ${session.shots}\n${await whatThePageSays(session.page)}\n${api.report()}`,
      );
    }
  });
  return session;
}
