import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { orgs } from '../../db/tables/orgs.ts';
import { members, persons } from '../../db/tables/people.ts';

/** The member's particulars a printed letter carries, and where the member is now (for who may see the ID whole). */
export async function findLetterParticulars(db: Db, memberId: number) {
  const [row] = await db
    .select({
      gender: persons.gender,
      ethnicity: persons.ethnicity,
      birthDate: persons.birthDate,
      idNumberEnc: persons.idNumberEnc,
      confirmedOn: members.confirmedOn,
      orgPath: orgs.path,
    })
    .from(members)
    .innerJoin(persons, eq(persons.id, members.personId))
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(eq(members.id, memberId));
  return row;
}
