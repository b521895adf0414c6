import { sql } from 'drizzle-orm';
import type { MemberStatus } from '../../../domain/membership/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { type Db, queryRows } from '../../db/client.ts';

/** A member on the roster of one of the orgs asked, as they stood on the day asked. */
export type RosterMember = {
  readonly memberId: number;
  readonly name: string;
  /** The branch or group the member belonged to that day. */
  readonly orgId: number;
  readonly orgName: string;
  /** The standing that day (预备, 正式, 失联, 停止党籍). */
  readonly status: MemberStatus;
};

/** Kinds of history row whose `from_value` is the status held before it (docs/membership.md §4). */
const STATUS_KINDS = [
  'confirmed',
  'suspended',
  'restored',
  'marked_unreachable',
  'marked_reachable',
  'left',
  'died',
  'transferred_out',
];

/** The standings of a member on a roster: counted in 党员总数, or 停止党籍 (listed, then taken out of 应到会). */
const ON_ROSTER: readonly MemberStatus[] = ['probationary', 'full', 'unreachable', 'suspended'];

const list = (values: readonly (string | number)[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/**
 * The roster of these orgs on `day`, rebuilt from the members and their effective-dated history
 * (docs/organizational-life.md §2; docs/membership.md §4): a member is on it from their 入党时间 (or, arriving from
 * outside or restored, the day they arrived in the records), in the org they were in that day — the org left by their
 * first move after it, else the one they are in now — with the standing they had that day — the one left by their
 * first change of standing after it, else the present one. Someone who joined or transferred in after the day is not
 * on it; someone who left or moved away after it is. A change dated that very day has happened.
 */
export async function rosterOn(db: Db, orgIds: readonly number[], day: IsoDate): Promise<RosterMember[]> {
  if (orgIds.length === 0) return [];
  const ids = list(orgIds);
  const rows = await queryRows<{
    member_id: number;
    name: string;
    org_id: number;
    org_name: string;
    status: MemberStatus;
  }>(
    db,
    sql`with candidates as (
          select m.id, m.person_id, m.org_id, m.status, m.entered_by, m.entered_on, m.admitted_on
            from members m
           where m.org_id in (${ids})
              or exists (select 1 from member_events e
                          where e.member_id = m.id and e.kind = 'org_changed'
                            and (e.org_id in (${ids}) or e.to_org_id in (${ids})))
        ), placed as (
          select c.id as member_id, c.person_id,
                 coalesce((select e.org_id from member_events e
                            where e.member_id = c.id and e.kind = 'org_changed' and e.effective_on > ${day}::date
                            order by e.effective_on, e.id limit 1), c.org_id) as org_id,
                 coalesce((select e.from_value from member_events e
                            where e.member_id = c.id and e.kind in (${list(STATUS_KINDS)})
                              and e.from_value is not null and e.effective_on > ${day}::date
                            order by e.effective_on, e.id limit 1), c.status) as status
            from candidates c
           where (case when c.entered_by in ('transferred_in', 'restored') then c.entered_on
                       else c.admitted_on end) <= ${day}::date
        )
        select p.member_id, pe.name, p.org_id, o.name as org_name, p.status
          from placed p
          join persons pe on pe.id = p.person_id
          join orgs o on o.id = p.org_id
         where p.org_id in (${ids}) and p.status in (${list(ON_ROSTER)})
         order by o.path, pe.name_pinyin, p.member_id`,
  );
  return rows.map((r) => ({
    memberId: Number(r.member_id),
    name: r.name,
    orgId: Number(r.org_id),
    orgName: r.org_name,
    status: r.status,
  }));
}

/** The names of these members (for views that name a host, a recorder or a voter). */
export async function memberNames(db: Db, memberIds: readonly number[]): Promise<Map<number, string>> {
  if (memberIds.length === 0) return new Map();
  const rows = await queryRows<{ id: number; name: string }>(
    db,
    sql`select m.id, p.name from members m join persons p on p.id = m.person_id where m.id in (${list(memberIds)})`,
  );
  return new Map(rows.map((r) => [Number(r.id), r.name]));
}

/** The member record of an account's person (member.self), if any. */
export async function memberIdOfPerson(db: Db, personId: number): Promise<number | undefined> {
  const [row] = await queryRows<{ id: number }>(
    db,
    sql`select id from members where person_id = ${personId}`,
  );
  return row ? Number(row.id) : undefined;
}
