import { sql } from 'drizzle-orm';
import {
  LOST_CONTACT_MONTHS,
  type MemberDeadlineFacts,
  type MemberStatus,
  PROBATION_REMINDER_DAYS,
  ROSTER_STATUSES,
  SUSPENSION_DECISION_YEARS,
} from '../../../domain/membership/index.ts';
import { BRANCH_KINDS, type OrgKind } from '../../../domain/org/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { type Db, queryRows } from '../../db/client.ts';
import type { OrgSelection } from '../../todos/index.ts';

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/**
 * The members of the selected orgs (not dissolved) who may have a deadline on `today` (member-deadlines.ts): a
 * 预备期 ending within the reminder's lead or past, 失联 or 停止党籍 long enough, or placed outside any 党支部. SQL
 * narrows; the rule decides.
 */
export async function selectDeadlineCandidates(
  db: Db,
  f: { readonly orgs: OrgSelection; readonly today: IsoDate },
): Promise<(MemberDeadlineFacts & { orgId: number })[]> {
  const rows = await queryRows<{
    id: number;
    org_id: number;
    name: string;
    status: MemberStatus;
    org_kind: OrgKind;
    probation_ends_on: string | null;
    lost_contact_on: string | null;
    suspended_on: string | null;
  }>(
    db,
    sql`select m.id, m.org_id, p.name, m.status, o.kind as org_kind, m.probation_ends_on::text as probation_ends_on,
               m.lost_contact_on::text as lost_contact_on,
               case when m.status = 'suspended' then (
                 select max(e.effective_on)::text from member_events e where e.member_id = m.id and e.kind = 'suspended')
               end as suspended_on
        from members m
        join orgs o on o.id = m.org_id
        join persons p on p.id = m.person_id
        where o.dissolved_on is null
          ${f.orgs === 'all' ? sql`` : sql`and m.org_id = any(${sql.param([...f.orgs])}::int[])`}
          and m.status in (${list(ROSTER_STATUSES)})
          and ((m.status = 'probationary'
                and m.probation_ends_on <= ${f.today}::date + ${PROBATION_REMINDER_DAYS}::int)
            or (m.status = 'unreachable'
                and m.lost_contact_on <= ${f.today}::date - make_interval(months => ${LOST_CONTACT_MONTHS}::int))
            or (m.status = 'suspended'
                and exists (select 1 from member_events e where e.member_id = m.id and e.kind = 'suspended'
                            and e.effective_on <= ${f.today}::date - make_interval(years => ${SUSPENSION_DECISION_YEARS}::int)))
            or o.kind not in (${list([...BRANCH_KINDS, 'group'])}))
        order by m.id`,
  );
  return rows.map((r) => ({
    memberId: Number(r.id),
    orgId: Number(r.org_id),
    name: r.name,
    status: r.status,
    orgKind: r.org_kind,
    probationEndsOn: r.probation_ends_on as IsoDate | null,
    lostContactOn: r.lost_contact_on as IsoDate | null,
    suspendedOn: r.suspended_on as IsoDate | null,
  }));
}
