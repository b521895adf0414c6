import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiErrorFromBody } from './api-error.ts';
import { api, queryString, setApiEventHandlers } from './client.ts';
import { downloadFile } from './download.ts';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** The request of the nth fetch call: openapi-fetch hands fetch one Request. */
function sent(n: number): Request {
  const request = fetchMock.mock.calls[n]?.[0];
  if (!(request instanceof Request)) throw new Error(`no request #${n}`);
  return request;
}

const target = (request: Request) => {
  const url = new URL(request.url);
  return `${url.pathname}${url.search}`;
};

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
  setApiEventHandlers({});
});
afterEach(() => vi.unstubAllGlobals());

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('apiErrorFromBody', () => {
  it('keeps the code, the Chinese message, the reason and the issues of our error format', () => {
    const error = apiErrorFromBody(400, {
      error: {
        code: 'invalid_input',
        message: '输入有误，请检查标出的字段',
        details: { reason: 'invalid_input', issues: [{ path: ['body', 'name'], message: '不能为空' }] },
      },
    });
    expect(error).toMatchObject({
      status: 400,
      code: 'invalid_input',
      message: '输入有误，请检查标出的字段',
    });
    expect(error.reason).toBe('invalid_input');
    expect(error.issues).toEqual([{ path: ['body', 'name'], message: '不能为空' }]);
  });

  it('answers a Chinese fallback for bodies that are not ours (a proxy page, nothing)', () => {
    expect(apiErrorFromBody(502, '<html>Bad Gateway</html>').message).toBe('服务暂不可用，请稍后重试');
    expect(apiErrorFromBody(500, undefined)).toMatchObject({
      code: 'internal',
      message: '服务器内部错误，请稍后重试',
    });
    expect(apiErrorFromBody(418, null).message).toBe('请求失败（HTTP 418）');
  });

  it('ignores malformed issues instead of failing on them', () => {
    const error = apiErrorFromBody(400, {
      error: { code: 'invalid_input', message: 'x', details: { issues: [{ path: 'name' }, null, 3] } },
    });
    expect(error.issues).toEqual([]);
  });

  it('tells a stale version from other conflicts', () => {
    const stale = apiErrorFromBody(409, {
      error: { code: 'conflict', message: '已被修改', details: { reason: 'stale_version' } },
    });
    const taken = apiErrorFromBody(409, {
      error: { code: 'conflict', message: '用户名已被使用', details: { reason: 'username_taken' } },
    });
    expect(stale.isStaleVersion).toBe(true);
    expect(taken.isStaleVersion).toBe(false);
  });
});

describe('the typed client', () => {
  it('sends JSON with a content-type, and a bodyless POST without one, same-origin with cookies', async () => {
    fetchMock.mockImplementation(async () => jsonResponse(200, { ok: true }));
    await api.POST('/api/users/{id}/roles', {
      params: { path: { id: 3 } },
      body: { role: 'member', orgId: 1 },
    });
    await api.POST('/api/users/{id}/unlock', { params: { path: { id: 3 } } });
    const withBody = sent(0);
    const bodyless = sent(1);
    expect(target(withBody)).toBe('/api/users/3/roles');
    expect(withBody.headers.get('content-type')).toBe('application/json');
    expect(await withBody.text()).toBe('{"role":"member","orgId":1}');
    expect(withBody.credentials).toBe('same-origin');
    expect(target(bodyless)).toBe('/api/users/3/unlock');
    expect(bodyless.method).toBe('POST');
    expect(bodyless.headers.get('content-type')).toBeNull();
    expect(bodyless.body).toBeNull();
  });

  it('answers the body of a success, typed from the API document', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, { transferValidityMonths: 3 }));
    const policy = await api.GET('/api/transfers/policy');
    expect(policy.transferValidityMonths).toBe(3);
    expect(sent(0).headers.get('accept')).toBe('application/json');
  });

  it('leaves empty filters out of the query string and encodes path parameters', async () => {
    expect(queryString({ q: '', status: undefined, role: null, page: 2, includeDissolved: false })).toBe(
      'page=2&includeDissolved=false',
    );
    fetchMock.mockImplementation(async () => jsonResponse(200, { items: [], total: 0 }));
    await api.GET('/api/orgs', { params: { query: { q: '花园 社区', kind: undefined, page: 1 } } });
    expect(target(sent(0))).toBe('/api/orgs?q=%E8%8A%B1%E5%9B%AD+%E7%A4%BE%E5%8C%BA&page=1');
    await api.GET('/api/orgs/{id}', { params: { path: { id: 7 } } });
    expect(target(sent(1))).toBe('/api/orgs/7');
  });

  it('throws an ApiError with the server message', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(422, {
        error: {
          code: 'rule_violation',
          message: '党小组只设党小组长',
          details: { reason: 'post_not_for_group' },
        },
      }),
    );
    const error = await caught(
      api.PATCH('/api/leadership-posts/{id}', { params: { path: { id: 9 } }, body: { version: 1 } }),
    );
    expect(error).toMatchObject({
      status: 422,
      code: 'rule_violation',
      message: '党小组只设党小组长',
      reason: 'post_not_for_group',
    });
  });

  it('answers a Chinese fallback when the failure has no JSON body (a proxy page, nothing at all)', async () => {
    fetchMock.mockResolvedValueOnce(new Response('<html>Bad Gateway</html>', { status: 502 }));
    expect((await caught(api.GET('/api/workbench'))).message).toBe('服务暂不可用，请稍后重试');
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 404, headers: { 'content-length': '0' } }));
    expect(await caught(api.GET('/api/workbench'))).toMatchObject({
      status: 404,
      message: '请求的内容不存在',
    });
  });

  it('reports an unreachable server as a network error in Chinese', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const error = await caught(api.GET('/api/workbench'));
    expect(error).toMatchObject({ status: 0, code: 'network', message: '无法连接服务器，请检查网络后重试' });
  });

  it('passes the AbortSignal on, and an abort stays an abort (not a network error)', async () => {
    fetchMock.mockImplementation(
      (request) =>
        new Promise((_, reject) => {
          const signal = request instanceof Request ? request.signal : undefined;
          signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    const controller = new AbortController();
    const pending = api.GET('/api/findings', { params: { query: { page: 1 } }, signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('tells the app when the session is gone or a password change is pending', async () => {
    const onUnauthenticated = vi.fn();
    const onPasswordChangeRequired = vi.fn();
    setApiEventHandlers({ onUnauthenticated, onPasswordChangeRequired });
    fetchMock.mockResolvedValueOnce(
      jsonResponse(401, { error: { code: 'unauthenticated', message: '请先登录' } }),
    );
    await caught(api.GET('/api/orgs/roots'));
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);

    fetchMock.mockResolvedValueOnce(
      jsonResponse(403, {
        error: {
          code: 'forbidden',
          message: '请先修改初始密码',
          details: { reason: 'password_change_required' },
        },
      }),
    );
    await caught(api.GET('/api/orgs/roots'));
    expect(onPasswordChangeRequired).toHaveBeenCalledTimes(1);

    fetchMock.mockResolvedValueOnce(jsonResponse(403, { error: { code: 'forbidden', message: '无权' } }));
    await caught(api.GET('/api/users'));
    expect(onPasswordChangeRequired).toHaveBeenCalledTimes(1);
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });

  it('keeps quiet for requests that handle a 401 themselves (login, the session probe)', async () => {
    const onUnauthenticated = vi.fn();
    setApiEventHandlers({ onUnauthenticated });
    fetchMock.mockResolvedValue(
      jsonResponse(401, { error: { code: 'unauthenticated', message: '用户名或密码错误' } }),
    );
    const error = await caught(
      api.POST('/api/auth/login', { body: { username: 'a', password: 'b' }, silent: true }),
    );
    expect(error.message).toBe('用户名或密码错误');
    expect(onUnauthenticated).not.toHaveBeenCalled();
    // `silent` is ours: it is not sent.
    expect(sent(0).headers.has('silent')).toBe(false);
  });
});

describe('downloads', () => {
  it('ask the typed path for the file, and a refusal is an ApiError that reaches the handlers', async () => {
    const onUnauthenticated = vi.fn();
    setApiEventHandlers({ onUnauthenticated });
    fetchMock.mockResolvedValue(
      jsonResponse(401, { error: { code: 'unauthenticated', message: '请先登录' } }),
    );
    const error = await caught(
      downloadFile(
        '/api/orgs/{id}/ledger/export',
        { params: { path: { id: 4 }, query: { from: '2026-01-01', to: '2026-06-30' } } },
        '台账.xlsx',
      ),
    );
    expect(error.status).toBe(401);
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
    expect(target(sent(0))).toBe('/api/orgs/4/ledger/export?from=2026-01-01&to=2026-06-30');
  });
});
