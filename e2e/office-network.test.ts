import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchBrowser } from './browser.ts';
import { LoginPage } from './pages/login.ts';
import { startServer } from './server.ts';

/**
 * On the office network the server is reached over plain HTTP by a LAN name, not by 127.0.0.1. Helmet's defaults
 * (HSTS, CSP `upgrade-insecure-requests`) made the browser fetch every script over https there, and the page stayed
 * blank. Chromium resolves a made-up host name to the server, so the page is loaded from a non-loopback origin.
 */
const HOST = 'jiceng.office.test';

describe.skipIf(!chromiumPath)('served over plain HTTP on the office network', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser([`--host-resolver-rules=MAP ${HOST} 127.0.0.1`]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('renders the login page and signs in', async () => {
    const port = new URL(server.url).port;
    const page = await browser.newPage({ locale: 'zh-CN' });
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    await page.goto(`http://${HOST}:${port}/login`);
    await page.getByRole('button', { name: '登录' }).waitFor({ timeout: 20_000 });
    expect(failed).toEqual([]);

    await new LoginPage(page).submitPassword('admin', server.report.generatedAdminPassword as string);
    // A first login must change the generated password: the page got past the login, over plain HTTP.
    await page.getByText('修改初始密码').first().waitFor();
    expect(new URL(page.url()).protocol).toBe('http:');
  });
});
