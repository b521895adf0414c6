import { sql } from 'drizzle-orm';
import type { TransferDeadlineFacts } from '../../../domain/membership/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { type Db, queryRows } from '../../db/client.ts';
import type { OrgSelection } from '../../todos/index.ts';

/** The pending transfers inside the deployment whose receiving org is among the selected (and not dissolved). */
export async function selectPendingTransfers(
  db: Db,
  orgs: OrgSelection,
): Promise<(TransferDeadlineFacts & { toOrgId: number })[]> {
  const rows = await queryRows<{
    id: number;
    to_org_id: number;
    name: string;
    letter_no: string;
    valid_until: string;
  }>(
    db,
    sql`select t.id, t.to_org_id, p.name, t.letter_no, t.valid_until::text as valid_until
        from transfers t
        join orgs o on o.id = t.to_org_id
        join members m on m.id = t.member_id
        join persons p on p.id = m.person_id
        where t.status = 'pending' and o.dissolved_on is null
          ${orgs === 'all' ? sql`` : sql`and t.to_org_id = any(${sql.param([...orgs])}::int[])`}
        order by t.id`,
  );
  return rows.map((r) => ({
    transferId: Number(r.id),
    toOrgId: Number(r.to_org_id),
    name: r.name,
    letterNo: r.letter_no,
    validUntil: r.valid_until as IsoDate,
  }));
}
