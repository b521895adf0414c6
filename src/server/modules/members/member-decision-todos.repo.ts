import { sql } from 'drizzle-orm';
import type { DecisionKind, PendingDecisionFacts } from '../../../domain/membership/index.ts';
import { type Db, queryRows } from '../../db/client.ts';
import type { OrgSelection } from '../../todos/index.ts';

/**
 * The pending decisions whose approving org (the level above the 党支部 they were decided in, as approverPathOf and
 * the trigger of migration 0028 find it) is among the selected orgs, not dissolved.
 */
export async function selectPendingForApprovers(
  db: Db,
  orgs: OrgSelection,
): Promise<(PendingDecisionFacts & { approverOrgId: number })[]> {
  const rows = await queryRows<{
    approver_org_id: number;
    member_id: number;
    name: string;
    kind: DecisionKind;
    meeting_on: string;
  }>(
    db,
    sql`select a.id as approver_org_id, d.member_id, p.name, d.kind, d.meeting_on::text as meeting_on
        from member_decisions d
        join orgs o on o.id = d.org_id
        join orgs a on a.path = subpath(o.path, 0,
          greatest(nlevel(o.path) - case when o.kind = 'group' then 2 else 1 end, 1))
        join members m on m.id = d.member_id
        join persons p on p.id = m.person_id
        where d.status = 'pending' and a.dissolved_on is null
          ${orgs === 'all' ? sql`` : sql`and a.id = any(${sql.param([...orgs])}::int[])`}
        order by d.id`,
  );
  return rows.map((r) => ({
    approverOrgId: r.approver_org_id,
    memberId: r.member_id,
    name: r.name,
    kind: r.kind,
    meetingOn: r.meeting_on,
  }));
}
