import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { MemberStatus } from '../../../domain/membership/index.ts';
import type { Db } from '../../db/client.ts';
import { pathInScope, type Scope } from '../../db/scope.ts';
import { orgs } from '../../db/tables/orgs.ts';
import { members, persons } from '../../db/tables/people.ts';

/** A member as a batch needs it: who, where, in which standing. */
export type SelectedMember = {
  readonly id: number;
  readonly personId: number;
  readonly name: string;
  readonly orgId: number;
  readonly orgName: string;
  readonly orgPath: string;
  readonly status: MemberStatus;
  readonly phoneMobile: string | null;
};

const selectedColumns = {
  id: members.id,
  personId: members.personId,
  name: persons.name,
  orgId: members.orgId,
  orgName: orgs.name,
  orgPath: orgs.path,
  status: members.status,
  phoneMobile: persons.phoneMobile,
};

/** The members matching `where`, in the roster's order by org (tree order), then name; at most `limit`. */
export async function selectMembers(
  db: Db,
  where: SQL | undefined,
  limit: number,
): Promise<SelectedMember[]> {
  return db
    .select(selectedColumns)
    .from(members)
    .innerJoin(persons, eq(persons.id, members.personId))
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(where)
    .orderBy(asc(orgs.path), asc(persons.namePinyin), asc(persons.name), asc(members.id))
    .limit(limit);
}

/** These members, those of them that lie in the scope. */
export function idsInScope(scope: Scope, ids: readonly number[]): SQL | undefined {
  return and(inArray(members.id, [...ids]), pathInScope(scope, orgs.path));
}
