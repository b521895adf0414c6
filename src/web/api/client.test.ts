import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiErrorFromBody } from './api-error.ts';
import { api, apiRequest, buildUrl, setApiEventHandlers } from './client.ts';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

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

describe('the fetch client', () => {
  it('sends JSON with a content-type, and a bodyless POST without one', async () => {
    fetchMock.mockImplementation(async () => jsonResponse(200, { ok: true }));
    await api.post('/api/users/3/roles', { role: 'member', orgId: 1 });
    await api.post('/api/users/3/unlock');
    const [, withBody] = fetchMock.mock.calls[0] ?? [];
    const [, bodyless] = fetchMock.mock.calls[1] ?? [];
    expect(withBody?.headers).toMatchObject({ 'content-type': 'application/json' });
    expect(withBody?.body).toBe('{"role":"member","orgId":1}');
    expect(bodyless?.headers).not.toHaveProperty('content-type');
    expect(bodyless?.body).toBeUndefined();
    expect(bodyless?.method).toBe('POST');
  });

  it('leaves empty filters out of the query string', () => {
    expect(
      buildUrl('/api/users', { q: '', status: undefined, role: null, page: 2, includeDissolved: false }),
    ).toBe('/api/users?page=2&includeDissolved=false');
    expect(buildUrl('/api/orgs', { q: '花园 社区' })).toBe(
      '/api/orgs?q=%E8%8A%B1%E5%9B%AD+%E7%A4%BE%E5%8C%BA',
    );
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
    const error = await caught(api.post('/api/orgs/9/leadership', {}));
    expect(error).toMatchObject({
      status: 422,
      code: 'rule_violation',
      message: '党小组只设党小组长',
      reason: 'post_not_for_group',
    });
  });

  it('reports an unreachable server as a network error in Chinese', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const error = await caught(api.get('/api/workbench'));
    expect(error).toMatchObject({ status: 0, code: 'network', message: '无法连接服务器，请检查网络后重试' });
  });

  it('tells the app when the session is gone or a password change is pending', async () => {
    const onUnauthenticated = vi.fn();
    const onPasswordChangeRequired = vi.fn();
    setApiEventHandlers({ onUnauthenticated, onPasswordChangeRequired });
    fetchMock.mockResolvedValueOnce(
      jsonResponse(401, { error: { code: 'unauthenticated', message: '请先登录' } }),
    );
    await caught(api.get('/api/orgs/roots'));
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
    await caught(api.get('/api/orgs/roots'));
    expect(onPasswordChangeRequired).toHaveBeenCalledTimes(1);

    fetchMock.mockResolvedValueOnce(jsonResponse(403, { error: { code: 'forbidden', message: '无权' } }));
    await caught(api.get('/api/users'));
    expect(onPasswordChangeRequired).toHaveBeenCalledTimes(1);
  });

  it('keeps quiet for requests that handle a 401 themselves (login, the session probe)', async () => {
    const onUnauthenticated = vi.fn();
    setApiEventHandlers({ onUnauthenticated });
    fetchMock.mockResolvedValue(
      jsonResponse(401, { error: { code: 'unauthenticated', message: '用户名或密码错误' } }),
    );
    const error = await caught(apiRequest('/api/auth/login', { method: 'POST', body: {}, silent: true }));
    expect(error.message).toBe('用户名或密码错误');
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });
});
