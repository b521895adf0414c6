import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobCtx, readClock } from '../../context.ts';
import { apiTokens, recoveryCodes, sessions, users } from '../../db/tables/users.ts';
import { verifyPassword } from '../../security/passwords.ts';
import { auditRows } from '../../testing/actors.ts';
import { createUser, seedTree, TEST_PASSWORD } from '../../testing/fixtures.ts';
import { loginAs, startTestApp, type TestApp } from '../../testing/test-app.ts';
import { COMMAND_LINE_ACTOR, RecoveryError, recoverAccount } from './recovery.service.ts';

/**
 * The recovery command's work, without the command line: on a real database, with the state a locked-out
 * security administrator leaves behind (lock, sessions, API tokens, second factor).
 */
let t: TestApp;
let id: number;
const MINUTE = 60_000;

beforeAll(async () => {
  t = await startTestApp();
  const tree = await seedTree(t.deps.db);
  id = (
    await createUser(t.deps.db, {
      username: 'last_sec',
      orgId: tree.root.id,
      roles: [{ role: 'security_admin' }],
    })
  ).id;
  const client = await loginAs(t, 'last_sec', TEST_PASSWORD); // enrols the required second factor
  await client.post('/api/auth/tokens', { name: '巡检脚本' });
  await t.deps.db
    .update(users)
    .set({ lockedUntil: new Date(t.clock.now().getTime() + 15 * MINUTE), failedAttempts: 0 })
    .where(eq(users.id, id));
});
afterAll(() => t.close());

const row = async () => (await t.deps.db.select().from(users).where(eq(users.id, id)))[0];
const recover = (action: 'reset-password' | 'reset-second-factor', username = 'last_sec') =>
  recoverAccount(jobCtx(t.deps.db, readClock(t.clock), COMMAND_LINE_ACTOR, t.deps.todos), {
    action,
    username,
    osUser: 'ops',
  });

describe('the recovery command: reset-password', () => {
  it('sets a temporary password to change at next login, lifts the lock, ends sessions, revokes tokens', async () => {
    const result = await recover('reset-password');
    expect(result).toMatchObject({ username: 'last_sec', wasLocked: true, tokensRevoked: 1 });
    const user = await row();
    expect(user).toMatchObject({ mustChangePassword: true, lockedUntil: null, failedAttempts: 0 });
    expect(await verifyPassword(user?.passwordHash as string, result.temporaryPassword as string)).toBe(true);
    expect(await t.deps.db.select().from(sessions).where(eq(sessions.userId, id))).toHaveLength(0);
    const tokens = await t.deps.db.select().from(apiTokens).where(eq(apiTokens.userId, id));
    expect(tokens.every((tk) => tk.revokedAt !== null)).toBe(true);
    // The second factor stays: a forgotten password is not a lost phone.
    expect(user?.totpEnabledAt).not.toBeNull();
  });

  it('writes one audit row with no account as actor, the command line as its name and the OS user in the note', async () => {
    const [audit] = await auditRows(t.deps.db, 'user.password_reset', id);
    expect(audit).toMatchObject({ actorId: null, actorUsername: COMMAND_LINE_ACTOR, role: null });
    expect(audit?.diff).toMatchObject({
      note: { via: 'command_line', osUser: 'ops', unlocked: true, tokensRevoked: 1, sessionsEnded: true },
    });
    expect(JSON.stringify(audit?.diff)).not.toContain('$argon2id$');
  });

  it('answers a Chinese error for an unknown user and changes nothing', async () => {
    await expect(recover('reset-password', 'nobody')).rejects.toThrow(RecoveryError);
    await expect(recover('reset-password', 'nobody')).rejects.toThrow(/不存在/);
  });
});

describe('the recovery command: reset-second-factor', () => {
  it('removes the key and the recovery codes, lifts the lock and ends the sessions', async () => {
    await t.deps.db
      .update(users)
      .set({ lockedUntil: new Date(t.clock.now().getTime() + 15 * MINUTE) })
      .where(eq(users.id, id));
    const result = await recover('reset-second-factor');
    expect(result).toMatchObject({ wasLocked: true, tokensRevoked: 0 });
    expect(result.temporaryPassword).toBeUndefined();
    expect(await row()).toMatchObject({ totpSecret: null, totpEnabledAt: null, lockedUntil: null });
    expect(await t.deps.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, id))).toHaveLength(0);
    const [audit] = await auditRows(t.deps.db, 'user.second_factor_reset', id);
    expect(audit).toMatchObject({ actorId: null, actorUsername: COMMAND_LINE_ACTOR });
    expect(audit?.diff).toMatchObject({ note: { osUser: 'ops', recoveryCodesRemoved: true } });
  });
});
