import { sql } from 'drizzle-orm';
import {
  type DepartedAccountFacts,
  departedAccountFindings,
  STATUSES_KEEPING_AN_ACCOUNT,
} from '../../../domain/access/index.ts';
import type { MemberStatus } from '../../../domain/membership/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { type Db, queryRows } from '../../db/client.ts';
import type { OrgSelection, TodoProducer } from '../../todos/index.ts';
import { activeAccountOfPerson } from '../users/index.ts';

/** The history kinds by which a member leaves the deployment (docs/membership.md §4, §5, §7.3). */
const LEAVING_EVENTS = ['left', 'died', 'transferred_out'] as const;

/**
 * The members of the selected orgs (not dissolved) whose status no longer keeps an account while an active account
 * is still linked to their person (users: activeAccountOfPerson), with the day they left.
 */
async function selectDepartedWithAccounts(
  db: Db,
  orgs: OrgSelection,
): Promise<(DepartedAccountFacts & { orgId: number })[]> {
  const rows = await queryRows<{
    id: number;
    org_id: number;
    name: string;
    status: MemberStatus;
    departed_on: string | null;
    user_id: number;
    username: string;
  }>(
    db,
    sql`select m.id, m.org_id, p.name, m.status, a.user_id, a.username,
               (select max(e.effective_on)::text from member_events e
                where e.member_id = m.id
                  and e.kind in (${sql.join(
                    LEAVING_EVENTS.map((k) => sql`${k}`),
                    sql`, `,
                  )})) as departed_on
        from members m
        join orgs o on o.id = m.org_id
        join persons p on p.id = m.person_id
        join lateral (${activeAccountOfPerson(sql`m.person_id`)}) a on true
        where o.dissolved_on is null
          ${orgs === 'all' ? sql`` : sql`and m.org_id = any(${sql.param([...orgs])}::int[])`}
          and m.status not in (${sql.join(
            STATUSES_KEEPING_AN_ACCOUNT.map((s) => sql`${s}`),
            sql`, `,
          )})
        order by m.id`,
  );
  return rows.map((r) => ({
    memberId: Number(r.id),
    orgId: Number(r.org_id),
    name: r.name,
    status: r.status,
    departedOn: r.departed_on as IsoDate | null,
    userId: Number(r.user_id),
    username: r.username,
  }));
}

/**
 * 党员已离开但账号仍可用 (docs/security.md §2.1): a to-do of the org the member last belonged to, so that its
 * secretary and the org_admins above see it; gone when the account is deactivated or unlinked in 用户与权限 (or the
 * member is back on the roster).
 */
export const departedAccountsProducer: TodoProducer = {
  name: 'members.departed-accounts',
  kinds: ['departed_member_account'],
  severities: ['warning'],
  article: 'docs/security.md §2.1',
  inputs: ['members', 'accounts', 'org'],
  // The days since the member left change with the date alone.
  dated: true,
  async produce({ db }, { orgs, date }) {
    return (await selectDepartedWithAccounts(db, orgs)).flatMap((m) =>
      departedAccountFindings(m, date).map((finding) => ({ orgId: m.orgId, finding })),
    );
  },
};
