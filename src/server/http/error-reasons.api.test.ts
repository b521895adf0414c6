import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../contracts/common.ts';
import { createUser, seedTree, TEST_PASSWORD } from '../testing/fixtures.ts';
import { loginAs, startTestApp, type TestApp } from '../testing/test-app.ts';

/**
 * The HTTP layer's own refusals answer with a reason of the closed list (contracts/errors.ts), in the shape of
 * the contract's error body; what Fastify itself refused is `bad_request`, its own code kept beside the reason.
 */
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  const tree = await seedTree(t.deps.db);
  await createUser(t.deps.db, {
    username: 'sec_a1',
    orgId: tree.communityA1.id,
    roles: [{ role: 'secretary' }],
  });
});
afterAll(() => t.close());

const raw = (payload: string, contentType: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'content-type': contentType, 'user-agent': 'vitest' },
    payload,
  });

describe('the reasons of the HTTP layer', () => {
  it('answers a request without a session with not_logged_in, even for a route that does not exist', async () => {
    const res = await t.anon.get('/api/no-such-thing');
    expect(res.statusCode).toBe(401);
    expect(ErrorBody.parse(res.json()).error.details?.reason).toBe('not_logged_in');
  });

  it('answers an unknown route with no_such_route', async () => {
    const client = await loginAs(t, 'sec_a1', TEST_PASSWORD);
    const res = await client.get('/api/no-such-thing');
    expect(res.statusCode).toBe(404);
    expect(ErrorBody.parse(res.json()).error.details?.reason).toBe('no_such_route');
  });

  it('answers a body that is neither JSON nor an upload with unsupported_media_type', async () => {
    const res = await raw('username=a', 'text/plain');
    expect(res.statusCode).toBe(415);
    expect(ErrorBody.parse(res.json()).error.details?.reason).toBe('unsupported_media_type');
  });

  it('answers JSON that does not parse with bad_request', async () => {
    const res = await raw('{"username": ', 'application/json');
    expect(res.statusCode).toBe(400);
    expect(ErrorBody.parse(res.json()).error).toMatchObject({
      code: 'invalid_input',
      details: { reason: 'bad_request' },
    });
  });

  it('answers an empty JSON body with bad_request, and Fastify’s code beside it (not as the reason)', async () => {
    const res = await raw('', 'application/json');
    expect(res.statusCode).toBe(400);
    expect(ErrorBody.parse(res.json()).error.details).toEqual({
      reason: 'bad_request',
      fastifyCode: 'FST_ERR_CTP_EMPTY_JSON_BODY',
    });
  });

  it('refuses, in the contract, a reason that is not on the list', () => {
    const body = { error: { code: 'conflict', message: '冲突', details: { reason: 'made_up_reason' } } };
    expect(ErrorBody.safeParse(body).success).toBe(false);
  });
});
