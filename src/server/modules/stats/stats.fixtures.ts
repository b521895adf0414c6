import { eq, inArray } from 'drizzle-orm';
import type { OrgStatsView } from '../../../contracts/stats.ts';
import {
  aggregate,
  STAT_DIMENSIONS,
  type StatKey,
  type StatsMember,
  type StatVector,
} from '../../../domain/membership/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { inTransaction } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { members, persons } from '../../db/tables/people.ts';
import { testJobCtx } from '../../testing/ctx.ts';
import type { TestApp } from '../../testing/test-app.ts';
import { insertMemberRows, type NewMemberRow } from '../members/member-writes.ts';
import { recordRosterChanges } from './rollup.service.ts';

/** A member of a test roster: what the statistics count, and where the rows are once written. */
export type RosterMember = StatsMember & { memberId?: number; personId?: number };

/** Writes members through the members module's bulk path (persons, members, events, rollup). */
export async function writeMembers(
  t: Pick<TestApp, 'deps' | 'clock'>,
  roster: RosterMember[],
): Promise<void> {
  const rows: NewMemberRow[] = roster.map((m) => ({
    person: {
      name: '测试党员',
      gender: m.gender,
      ethnicity: m.ethnicity,
      birthDate: m.birthDate,
      idNumber: null,
      education: m.education,
      workPost: m.workPost,
      phoneMobile: null,
      phoneLandline: null,
      address: null,
    },
    orgId: m.orgId,
    status: m.status,
    category: m.category,
    admittedOn: m.admittedOn,
    confirmedOn: null,
    isMobile: m.isMobile,
    outflowDestination: null,
    isHardship: m.isHardship,
    lostContactOn: null,
    importBatchId: null,
  }));
  const ids = await inTransaction(testJobCtx(t), (tx) => insertMemberRows(tx, rows));
  const stored = await t.deps.db
    .select({ id: members.id, personId: members.personId })
    .from(members)
    .where(inArray(members.id, ids));
  const personOf = new Map(stored.map((r) => [r.id, r.personId]));
  roster.forEach((m, i) => {
    m.memberId = ids[i];
    m.personId = personOf.get(ids[i] as number);
  });
}

/**
 * Changes one member as a writer does: the rows and the rollup in one transaction, the rollup told the
 * member as it was and as it is.
 */
export async function changeMember(
  db: Db,
  today: IsoDate,
  m: RosterMember,
  after: StatsMember,
): Promise<void> {
  const before: StatsMember = { ...m };
  await db.transaction(async (tx) => {
    await tx
      .update(members)
      .set({
        orgId: after.orgId,
        status: after.status,
        category: after.category,
        admittedOn: after.admittedOn,
        isMobile: after.isMobile,
        isHardship: after.isHardship,
      })
      .where(eq(members.id, m.memberId as number));
    await tx
      .update(persons)
      .set({
        gender: after.gender,
        ethnicity: after.ethnicity,
        birthDate: after.birthDate,
        education: after.education,
        workPost: after.workPost,
      })
      .where(eq(persons.id, m.personId as number));
    await recordRosterChanges({ db: tx, today }, [{ before, after }]);
  });
  Object.assign(m, after);
}

/** The rollup vector an answer shows, read back through the dimensions' keys. */
export function vectorOfView(view: Pick<OrgStatsView, keyof OrgStatsView>): StatVector {
  const v: Partial<Record<StatKey, number>> = {};
  const put = (k: StatKey, n: number) => {
    if (n !== 0) v[k] = n;
  };
  put('member_count', view.memberCount);
  put('mobile', view.mobile);
  put('hardship', view.hardship);
  const answers = {
    status: view.byStatus,
    gender: view.byGender,
    ethnicity: view.byEthnicity,
    ageBand: view.byAgeBand,
    education: view.byEducation,
    workPost: view.byWorkPost,
    admissionPeriod: view.byAdmissionPeriod,
    category: view.byCategory,
  } as const;
  for (const [dimension, buckets] of Object.entries(answers)) {
    const keys = STAT_DIMENSIONS[dimension as keyof typeof answers];
    for (const b of buckets) {
      const def = keys.find((d) => d.key === b.key);
      if (!def) throw new Error(`unknown bucket ${dimension}.${b.key}`);
      put(def.statKey, b.count);
    }
  }
  return v;
}

/** The in-memory reference for the members under `path` (orgs by id → path). */
export function expectedFor(
  roster: readonly StatsMember[],
  orgPaths: ReadonlyMap<number, string>,
  path: string,
  asOf: IsoDate,
): StatVector {
  const under = (orgId: number) => {
    const p = orgPaths.get(orgId) as string;
    return p === path || p.startsWith(`${path}.`);
  };
  return aggregate(
    roster.filter((m) => under(m.orgId)),
    asOf,
  );
}
