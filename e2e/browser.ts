import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

/**
 * Debian's Chromium (never a downloaded browser). Without one, the browser tests are skipped with a
 * message locally; CI sets JICENG_REQUIRE_BROWSER=1 so that a missing browser fails instead.
 */
export const chromiumPath = CANDIDATES.find((p): p is string => !!p && existsSync(p));

if (!chromiumPath) {
  const message = '未找到 Chromium：浏览器测试需要 `apt-get install -y chromium fonts-wqy-microhei`';
  if (process.env.JICENG_REQUIRE_BROWSER === '1') throw new Error(message);
  console.warn(`${message}（本机跳过浏览器测试）`);
}

/** `extraArgs`: e.g. `--host-resolver-rules=MAP office.example 127.0.0.1` to reach the server by a LAN name. */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!chromiumPath) throw new Error('no Chromium');
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...extraArgs,
    ],
  });
}

export function screenshotDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'jiceng-e2e-'));
}
