import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import {
  createMember,
  expectStatus,
  type RosterWorld,
  startRosterWorld,
} from '../../testing/fixtures/members.ts';
import type { TestClient } from '../../testing/test-app.ts';

/**
 * 党员已离开但账号仍可用 (issue 9, part 8; docs/security.md §2.1): a member who left while an account stays linked
 * to them and active — reactivated by hand, or from before accounts were closed on leaving — is a to-do of the org
 * they last belonged to, for its secretary and the levels above and nobody else; it names the account and the days
 * since the member left, and goes when the account is deactivated in 用户与权限. The test day is 2026-06-15.
 */
let w: RosterWorld;
type Item = {
  org: { id: number };
  finding: {
    kind: string;
    severity: string;
    message: string;
    date: string | null;
    days: number | null;
    subject?: { type: string; id: number; name: string };
  };
};

beforeAll(async () => {
  w = await startRosterWorld();
});
afterAll(() => w.t.close());

async function accountTodos(client: TestClient, userId: number): Promise<Item[]> {
  const res = await client.get('/api/findings?kind=departed_member_account&pageSize=100');
  expectStatus(res, 200);
  return (res.json().items as Item[]).filter(
    (i) => i.finding.subject?.type === 'account' && i.finding.subject.id === userId,
  );
}

/** The findings table's rows about the account, as the writer's transaction left them (no read settles first). */
async function rowsInTable(userId: number): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    w.t.deps.db,
    sql`select count(*)::int as n from findings where kind = 'departed_member_account' and subject = ${`account:${userId}`}`,
  );
  return Number(row?.n);
}

async function userVersion(userId: number): Promise<number> {
  const res = await w.as.admin_a.get(`/api/users/${userId}`);
  expectStatus(res, 200);
  return res.json().version;
}

/** A member of 第一党支部 with an account opened by the secretary: the member and the account. */
async function memberWithAccount(name: string) {
  const m = await createMember(w.as.sec_a1, w.tree.branchA1.id, {}, { name });
  const res = await w.as.sec_a1.post(`/api/members/${m.id}/account`);
  expectStatus(res, 200);
  const [row] = await queryRows<{ person_id: number; user_id: number }>(
    w.t.deps.db,
    sql`select m.person_id, u.id as user_id from members m, users u
        where m.id = ${m.id} and u.username = ${res.json().username}`,
  );
  return { member: m, userId: Number(row?.user_id), personId: Number(row?.person_id) };
}

describe('党员已离开但账号仍可用', () => {
  it('is not raised for a member on the roster with an account, nor once leaving closed the account', async () => {
    const { member, userId } = await memberWithAccount('在册甲');
    expect(await accountTodos(w.as.city_admin, userId)).toEqual([]);
    const died = await w.as.sec_a1.post(`/api/members/${member.id}/events`, {
      version: member.version,
      kind: 'record_death',
      effectiveOn: '2026-05-31',
    });
    expectStatus(died, 200);
    // Leaving closed and unlinked the account in its transaction: nothing to do.
    expect(await accountTodos(w.as.city_admin, userId)).toEqual([]);
  });

  describe('an account linked again to a member who died', () => {
    let userId: number;
    beforeAll(async () => {
      const made = await memberWithAccount('离世乙');
      userId = made.userId;
      const died = await w.as.sec_a1.post(`/api/members/${made.member.id}/events`, {
        version: made.member.version,
        kind: 'record_death',
        effectiveOn: '2026-05-31',
      });
      expectStatus(died, 200);
      // As an account from before the rule, or loaded so: active, linked to the person.
      await w.t.deps.db.execute(
        sql`update users set person_id = ${made.personId}, deactivated_at = null where id = ${userId}`,
      );
    });

    it('is in the 待办 of the branch secretary and the org_admins above, with the account and the days since', async () => {
      for (const client of [w.as.sec_a1, w.as.admin_a, w.as.city_admin]) {
        const items = await accountTodos(client, userId);
        expect(items).toHaveLength(1);
        expect(items[0]).toMatchObject({
          org: { id: w.tree.branchA1.id },
          finding: {
            kind: 'departed_member_account',
            severity: 'warning',
            date: '2026-05-31',
            days: 15,
            subject: { type: 'account', id: userId, name: '离世乙' },
          },
        });
        expect(items[0]?.finding.message).toMatch(
          /离世乙于2026-05-31去世（15天前），其账号 dy\d{6} 仍可登录/,
        );
      }
      const bench = await w.as.sec_a1.get('/api/workbench');
      expectStatus(bench, 200);
      expect(bench.json().findingCounts.departed_member_account.warning).toBeGreaterThanOrEqual(1);
    });

    it('is not in the 待办 of a secretary or org_admin of another subtree', async () => {
      expect(await accountTodos(w.as.sec_b1, userId)).toEqual([]);
      expect(await accountTodos(w.as.admin_b, userId)).toEqual([]);
    });

    it('goes when the account is deactivated in 用户与权限, and comes back when it is reactivated', async () => {
      const off = await w.as.admin_a.post(`/api/users/${userId}/deactivate`, {
        version: await userVersion(userId),
      });
      expectStatus(off, 200);
      // Settled by the deactivation's own transaction (the `accounts` trigger), before any read.
      expect(await rowsInTable(userId)).toBe(0);
      expect(await accountTodos(w.as.sec_a1, userId)).toEqual([]);

      const on = await w.as.admin_a.post(`/api/users/${userId}/reactivate`, {
        version: await userVersion(userId),
      });
      expectStatus(on, 200);
      expect(await rowsInTable(userId)).toBe(1);
      expect(await accountTodos(w.as.admin_a, userId)).toHaveLength(1);

      const offAgain = await w.as.admin_a.post(`/api/users/${userId}/deactivate`, {
        version: await userVersion(userId),
      });
      expectStatus(offAgain, 200);
      expect(await accountTodos(w.as.city_admin, userId)).toEqual([]);
    });
  });

  it('follows the member: a member off the roster by a status written outside the services is raised', async () => {
    const { member, userId } = await memberWithAccount('转出丙');
    // A status loaded so (an import, a repair): no history row of leaving, so no day either.
    await w.t.deps.db.execute(sql`update members set status = 'transferred_out' where id = ${member.id}`);
    const [item] = await accountTodos(w.as.sec_a1, userId);
    expect(item?.finding).toMatchObject({ date: null, days: null });
    expect(item?.finding.message).toMatch(/^转出丙转出本系统，其账号 dy\d{6} 仍可登录/);
    await w.t.deps.db.execute(sql`update members set status = 'full' where id = ${member.id}`);
    expect(await accountTodos(w.as.sec_a1, userId)).toEqual([]);
  });
});
