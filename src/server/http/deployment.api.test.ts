import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompress } from '../../../scripts/precompress.ts';
import { auditRows } from '../testing/actors.ts';
import { createUser, seedTree, TEST_PASSWORD } from '../testing/fixtures.ts';
import { loginAs, startTestApp, type TestApp } from '../testing/test-app.ts';
import { registerWebApp } from './web-app.ts';

/** How the server behaves where an office deploys it: plain HTTP on a LAN, or HTTPS behind a proxy. */
describe('security headers', () => {
  let http: TestApp;
  let https: TestApp;
  beforeAll(async () => {
    http = await startTestApp();
    https = await startTestApp({ secureCookie: true });
  });
  afterAll(async () => {
    await http.close();
    await https.close();
  });

  it('over plain HTTP: no HSTS and no upgrade-insecure-requests (the office network would get a blank page)', async () => {
    const res = await http.anon.get('/api/health');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(String(res.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('over HTTPS (JICENG_SECURE_COOKIE=1): HSTS and upgrade-insecure-requests', async () => {
    const res = await https.anon.get('/api/health');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
  });
});

describe('client addresses', () => {
  const login = (t: TestApp, forwardedFor: string, remoteAddress = '192.0.2.10') =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress,
      headers: { 'x-forwarded-for': forwardedFor },
      payload: { username: 'nobody', password: 'wrong-password-1' },
    });

  it('ignores X-Forwarded-For by default: forged headers do not escape the login rate limit', async () => {
    const t = await startTestApp({ loginRateLimitPerMinute: 5 });
    try {
      const codes = [];
      for (let i = 0; i < 8; i++) codes.push((await login(t, `203.0.113.${i}`)).statusCode);
      expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(codes.slice(5)).toEqual([429, 429, 429]);
      const [failed] = await auditRows(t.deps.db, 'auth.login_failed');
      expect(failed?.ip).toBe('192.0.2.10');
    } finally {
      await t.close();
    }
  });

  it('believes X-Forwarded-For from a named proxy only', async () => {
    const t = await startTestApp({ trustProxy: ['10.0.0.1'] });
    try {
      await login(t, '198.51.100.7', '10.0.0.1');
      const [fromProxy] = await auditRows(t.deps.db, 'auth.login_failed');
      expect(fromProxy?.ip).toBe('198.51.100.7');
      await login(t, '198.51.100.8', '192.0.2.99');
      const [forged] = await auditRows(t.deps.db, 'auth.login_failed');
      expect(forged?.ip).toBe('192.0.2.99');
    } finally {
      await t.close();
    }
  });
});

describe('cross-origin state changes', () => {
  let t: TestApp;
  let cookie: string;
  let userId: number;
  beforeAll(async () => {
    t = await startTestApp();
    const tree = await seedTree(t.deps.db);
    await createUser(t.deps.db, {
      username: 'sec',
      orgId: tree.root.id,
      roles: [{ role: 'security_admin' }],
    });
    userId = (await createUser(t.deps.db, { username: 'locked1', orgId: tree.branchA1.id })).id;
    // loginAs gives the security administrator's second factor as well.
    cookie = (await loginAs(t, 'sec', TEST_PASSWORD)).headers.cookie as string;
  });
  afterAll(() => t.close());

  const unlock = (headers: Record<string, string>, payload?: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/users/${userId}/unlock`,
      headers: { cookie, host: 'jiceng.office.test:3000', ...headers },
      ...(payload === undefined ? {} : { payload }),
    });

  it('refuses a multipart form posted from another origin of the same site (a bodiless action)', async () => {
    const boundary = 'xyz';
    const res = await unlock(
      {
        origin: 'http://jiceng.office.test:8080',
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      `--${boundary}\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--${boundary}--\r\n`,
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details.reason).toBe('cross_origin_request');
  });

  it('refuses what the browser marks as cross-site or same-site', async () => {
    for (const site of ['cross-site', 'same-site']) {
      expect((await unlock({ 'sec-fetch-site': site })).statusCode).toBe(403);
    }
  });

  it('lets the app’s own pages and scripts without an Origin through', async () => {
    expect(
      (await unlock({ origin: 'http://jiceng.office.test:3000', 'sec-fetch-site': 'same-origin' }))
        .statusCode,
    ).toBe(200);
    expect((await unlock({})).statusCode).toBe(200);
  });

  it('leaves reads alone', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/users/${userId}`,
      headers: { cookie, origin: 'http://elsewhere.test', 'sec-fetch-site': 'cross-site' },
    });
    expect(res.statusCode).toBe(200);
  });
});

describe('numeric ids', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    const tree = await seedTree(t.deps.db);
    await createUser(t.deps.db, { username: 'sys', orgId: tree.root.id, roles: [{ role: 'system_admin' }] });
  });
  afterAll(() => t.close());

  it.each(['2147483648', '99999999999999999999', '0', '-1', '1.5'])(
    'answers 400 for :id = %s',
    async (id) => {
      const { cookie } = (await loginAs(t, 'sys', TEST_PASSWORD)).headers;
      const res = await t.app.inject({ method: 'GET', url: `/api/users/${id}`, headers: { cookie } });
      expect(res.statusCode).toBe(400);
    },
  );
});

describe('the web app’s files', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'jiceng-dist-'));
  const script = `console.log(${JSON.stringify('基层'.repeat(2000))});`;
  let app: ReturnType<typeof Fastify>;
  beforeAll(async () => {
    mkdirSync(path.join(root, 'assets'));
    writeFileSync(path.join(root, 'index.html'), `<!doctype html><title>基层</title>${' '.repeat(2000)}`);
    writeFileSync(path.join(root, 'assets', 'index-Dq3xY7aB.js'), script);
    (precompress(root).closeBundle as () => void)();
    app = Fastify();
    await registerWebApp(app, root);
  });
  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('sends the copy compressed at build time to a browser that accepts it', async () => {
    const res = await app.inject({
      url: '/assets/index-Dq3xY7aB.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(res.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(script);
    expect(res.rawPayload.length).toBeLessThan(script.length / 10);
  });

  it('keeps hashed assets for a year and revalidates index.html', async () => {
    const asset = await app.inject({ url: '/assets/index-Dq3xY7aB.js' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const index = await app.inject({ url: '/index.html', headers: { 'accept-encoding': 'gzip' } });
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.headers['content-encoding']).toBe('gzip');
  });
});
