import type { MemberEventKind } from '../../domain/membership/index.ts';
import type { OrgKind } from '../../domain/org/index.ts';
import { generateIdNumber } from '../../domain/people/index.ts';
import { addDays, type IsoDate } from '../../domain/shared/index.ts';
import { transfers } from '../db/tables/people.ts';
import { insertMemberRecords, type MemberWriteCtx, type NewMemberRow } from '../modules/members/index.ts';
import { laterChange, type PlannedMember } from './demo-history.ts';
import { demoMember, profileMix, veteranMember, weighted } from './demo-roster.ts';
import type { Random } from './random.ts';

export type DemoOrg = { id: number; parentId: number | null; name: string; kind: OrgKind };

/** About this many members in the demo city. */
export const DEMO_MEMBER_TARGET = 5000;

/**
 * 地址码 of the demo city: a real province prefix (37) with a prefecture part no real code uses (99), so that
 * no generated number can be a real person's. One county code per district, and a few from other provinces
 * for members born elsewhere.
 */
const DISTRICT_PREFIXES = ['379901', '379902', '379903', '379904'];
const ELSEWHERE_PREFIXES = ['419901', '519901', '429901', '349901', '139901'];

function branchSizes(rnd: Random, count: number): number[] {
  const kinds = Array.from({ length: count }, () =>
    weighted(rnd, [
      ['small', 5],
      ['large', 3],
      ['typical', 92],
    ] as const),
  );
  const fixed = kinds.map((k) => (k === 'small' ? rnd.int(1, 4) : k === 'large' ? rnd.int(52, 66) : 0));
  const typical = kinds.filter((k) => k === 'typical').length;
  const mean = (DEMO_MEMBER_TARGET - fixed.reduce((a, b) => a + b, 0)) / Math.max(typical, 1);
  return kinds.map((k, i) =>
    k === 'typical' ? rnd.int(Math.round(mean * 0.4), Math.round(mean * 1.6)) : (fixed[i] as number),
  );
}

function idNumbers(rnd: Random) {
  const used = new Set<string>();
  return (prefix: string, birthDate: IsoDate, male: boolean): string => {
    for (;;) {
      const sequence = rnd.int(0, 499) * 2 + (male ? 1 : 0);
      const id = generateIdNumber({ provinceAndCounty: prefix, birthDate, sequence });
      if (!used.has(id.slice(0, 17))) {
        used.add(id.slice(0, 17));
        return id;
      }
    }
  };
}

function plan(rnd: Random, orgs: readonly DemoOrg[], today: IsoDate): PlannedMember[] {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const root = orgs.find((o) => o.parentId === null);
  const districtIndex = new Map(orgs.filter((o) => o.parentId === root?.id).map((o, i) => [o.id, i]));
  const districtOf = (o: DemoOrg): number => {
    let at: DemoOrg | undefined = o;
    while (at && !districtIndex.has(at.id)) at = at.parentId === null ? undefined : byId.get(at.parentId);
    return at ? (districtIndex.get(at.id) as number) : 0;
  };
  const branches = orgs.filter((o) => o.kind === 'branch');
  const sizes = branchSizes(rnd, branches.length);
  const nextId = idNumbers(rnd);
  const planned: PlannedMember[] = [];
  let veterans = 0;
  branches.forEach((branch, i) => {
    const groups = orgs.filter((o) => o.parentId === branch.id && o.kind === 'group');
    const community = branch.name.slice(0, branch.name.indexOf('社区'));
    const mix = profileMix(branch.name);
    for (let k = 0; k < (sizes[i] as number); k++) {
      // The first member of each branch sits in the branch itself and stays a full member.
      const anchor = k === 0;
      const orgId = !anchor && groups.length > 0 && rnd.chance(0.8) ? rnd.pick(groups).id : branch.id;
      const veteran = veterans < 4 && branch.name.includes('离退休') && k === 1;
      if (veteran) veterans++;
      const profile = weighted(rnd, mix);
      const probationary = !veteran && !anchor && profile !== 'retired' && rnd.chance(0.06);
      const m = veteran
        ? veteranMember(rnd, orgId, community)
        : demoMember(rnd, orgId, profile, community, today, probationary);
      const prefix = rnd.chance(0.1)
        ? rnd.pick(ELSEWHERE_PREFIXES)
        : (DISTRICT_PREFIXES[districtOf(branch) % DISTRICT_PREFIXES.length] as string);
      const p: PlannedMember = {
        ...m,
        idNumber: nextId(prefix, m.person.birthDate, m.person.gender === 'male'),
        status: probationary ? 'probationary' : 'full',
        leftReason: null,
        lostContactOn: null,
        transferLetterNo: null,
        change: null,
      };
      if (!probationary && !anchor) laterChange(rnd, p, today, planned.length + 1);
      planned.push(p);
    }
  });
  return planned;
}

/**
 * The demo roster (issue: member roster §10): about 5,000 invented members over the demo city's branches and
 * 党小组, written by the members module (insertMemberRecords, in bulk) with their history (登记, then any later change
 * of standing), ID numbers encrypted with the deployment's cipher, counted in the rollup as they are written.
 * Deterministic for a seed and a day. Answers, per org, the person ids of its full members (to link the demo member
 * account).
 */
export async function seedDemoMembers(
  tx: MemberWriteCtx,
  input: { orgs: readonly DemoOrg[]; rnd: Random },
): Promise<{ memberCount: number; fullMemberPersons: Map<number, number[]> }> {
  const { today } = tx;
  const planned = plan(input.rnd, input.orgs, today);
  const rows: NewMemberRow[] = planned.map((m) => ({
    person: { ...m.person, idNumber: m.idNumber, phoneLandline: null },
    orgId: m.orgId,
    status: m.status,
    category: m.category,
    admittedOn: m.admittedOn,
    confirmedOn: m.confirmedOn,
    isMobile: m.isMobile,
    outflowDestination: m.outflowDestination,
    isHardship: m.isHardship,
    lostContactOn: m.lostContactOn,
    importBatchId: null,
    registeredDetails: { source: 'demo' },
    later: m.change && {
      kind: m.change.kind as MemberEventKind,
      fromValue: m.change.fromValue,
      toValue: m.change.toValue,
      effectiveOn: m.change.on,
      details: m.change.details as Record<string, unknown>,
      reason: m.change.reason,
      leftReason: m.leftReason,
      transferLetterNo: m.transferLetterNo,
    },
  }));
  const { memberIds, personIds } = await insertMemberRecords(tx, rows);
  const outs = planned.flatMap((m, i) =>
    m.status === 'transferred_out' && m.change ? [{ m, memberId: memberIds[i] as number }] : [],
  );
  if (outs.length > 0) {
    await tx.db.insert(transfers).values(
      outs.map(({ m, memberId }) => {
        const on = m.change?.on as IsoDate;
        const d = m.change?.details as { letterNo: string; externalOrgName: string };
        return {
          memberId,
          fromOrgId: m.orgId,
          toOrgId: null,
          externalOrgName: d.externalOrgName,
          status: 'completed_out' as const,
          letterNo: d.letterNo,
          issuedOn: on,
          validUntil: addDays(on, 90),
          reason: '工作调动',
          decidedOn: on,
        };
      }),
    );
  }
  const fullMemberPersons = new Map<number, number[]>();
  planned.forEach((m, i) => {
    if (m.status !== 'full') return;
    const list = fullMemberPersons.get(m.orgId) ?? fullMemberPersons.set(m.orgId, []).get(m.orgId);
    list?.push(personIds[i] as number);
  });
  return { memberCount: planned.length, fullMemberPersons };
}
