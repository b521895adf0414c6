import http from 'node:http';
import { multipartBody } from '../src/server/testing/fixtures/member-import.ts';
import { TEST_PASSWORD } from '../src/server/testing/fixtures.ts';

/**
 * Requests of the load run over loopback with node:http: each session has its own keep-alive connection (an
 * agent of one socket), opened when it signs in, as a browser tab keeps one. A request is timed from the first
 * byte sent to the last byte of the answer read, and given up (`timeout`) past its deadline.
 */
export type Answer = {
  readonly status: number | 'timeout' | 'network';
  readonly body: string;
  readonly ms: number;
};

type Body = { readonly payload: string | Buffer; readonly contentType: string };

/** One keep-alive connection for one session; `null` in `send` opens a new connection for the request. */
export const sessionAgent = () => new http.Agent({ keepAlive: true, maxSockets: 1 });

export function send(
  url: string,
  agent: http.Agent | null,
  cookie: string | null,
  method: 'GET' | 'POST',
  path: string,
  timeoutMs: number,
  body?: Body,
): Promise<Answer & { readonly setCookie?: string[] }> {
  const headers: Record<string, string | number> = {};
  if (cookie) headers.cookie = cookie;
  if (body) {
    headers['content-type'] = body.contentType;
    headers['content-length'] = Buffer.byteLength(body.payload);
  }
  const started = performance.now();
  return new Promise((resolve) => {
    let timedOut = false;
    const req = http.request(`${url}${path}`, { method, headers, agent: agent ?? false });
    const timer = setTimeout(() => {
      timedOut = true;
      req.destroy(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        clearTimeout(timer);
        const text = Buffer.concat(chunks).toString('utf8');
        const setCookie = res.headers['set-cookie'] ?? [];
        resolve({ status: res.statusCode ?? 0, body: text, ms: performance.now() - started, setCookie });
      });
    });
    req.on('error', (error) => {
      clearTimeout(timer);
      const status = timedOut ? 'timeout' : 'network';
      resolve({ status, body: error.message, ms: performance.now() - started });
    });
    req.end(body?.payload);
  });
}

export const json = (payload: unknown): Body => ({
  payload: JSON.stringify(payload),
  contentType: 'application/json',
});

/** A multipart import request, as the web app's upload sends it. */
export function importBody(content: Buffer, fields: Record<string, string>): Body {
  const body = multipartBody(fields, { name: '党员名册.xlsx', content });
  return { payload: body.payload, contentType: body.contentType };
}

/** Signs in with the fixture password; answers the session cookie. No second step may be pending. */
export async function login(url: string, agent: http.Agent, username: string, timeoutMs: number) {
  const body = json({ username, password: TEST_PASSWORD });
  const res = await send(url, agent, null, 'POST', '/api/auth/login', timeoutMs, body);
  if (res.status !== 200) throw new Error(`login of ${username} → ${res.status} ${res.body.slice(0, 300)}`);
  const pending = (JSON.parse(res.body) as { pendingStep: string | null }).pendingStep;
  if (pending !== null) {
    throw new Error(
      `login of ${username} is pending ${pending}: the bench city must not require a second factor (withoutOrgAdminSecondFactor)`,
    );
  }
  const cookie = res.setCookie?.find((c) => c.startsWith('jiceng_session='));
  if (!cookie) throw new Error(`login of ${username}: no session cookie`);
  return cookie.split(';')[0] as string;
}

/** Runs `fn` over `items`, at most `limit` at a time. */
export async function inBatches<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
