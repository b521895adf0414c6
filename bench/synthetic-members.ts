import { sql } from 'drizzle-orm';
import type { MemberStatus } from '../src/domain/membership/index.ts';
import { initialProbationEnd } from '../src/domain/membership/index.ts';
import { generateIdNumber } from '../src/domain/people/index.ts';
import { addDays, type IsoDate, maxDate } from '../src/domain/shared/index.ts';
import { type Db, queryRows } from '../src/server/db/client.ts';
import type { IdCipher } from '../src/server/security/crypto.ts';
import { SURNAMES } from '../src/server/seed/demo-names.ts';
import { type DemoMember, demoMember, type ProfileName, weighted } from '../src/server/seed/demo-roster.ts';
import { seededRandom } from '../src/server/seed/random.ts';
import { nameSearchKeys } from '../src/server/text/pinyin.ts';
import {
  type BulkEvent,
  type BulkMember,
  type BulkPerson,
  insertEvents,
  insertMembersBulk,
  insertPersons,
} from './roster-bulk.ts';

/**
 * A deterministic synthetic roster for the benchmark city: `count` members over its branches and 党小组,
 * with the demo roster's proportions (demo-roster.ts), valid ID numbers under invented 地址码 (prefecture 99,
 * never a real person's), names from a larger pool with their pinyin keys, ID numbers encrypted and hashed
 * with the app's cipher. Written in chunks (insertUnnest), so memory stays flat at any size.
 */
const FIRST = '建国华志海文德明振永晓春秀丽桂淑玉红俊浩子思雨欣佳宇晨'; // 26
const SECOND = '强军平勇杰涛超刚伟磊洋东华英兰梅芳敏静霞婷琳萱涵怡轩然博远航阳'; // 34
const MIX: readonly (readonly [ProfileName, number])[] = [
  ['retired', 50],
  ['publicSector', 18],
  ['privateSector', 14],
  ['communityWorker', 3],
  ['selfEmployed', 3],
  ['freelance', 4],
  ['unemployed', 2],
  ['student', 3],
  ['migrant', 2],
  ['military', 1],
];

export type SyntheticRoster = {
  count: number;
  /** Seconds spent encrypting and hashing ID numbers, and in total. */
  cipherSeconds: number;
  seconds: number;
  /** Things to search for: a common name prefix, pinyin initials, and one member's ID number. */
  samples: { namePrefix: string; initials: string; idNumber: string; fullName: string };
};

/** Search keys of every name in the pool: surname keys, plus the given name's keys read after a surname. */
function namePool() {
  const given = [...FIRST].flatMap((a) => [...SECOND].map((b) => a + b)).concat([...SECOND]);
  const givenKeys = given.map((g) => {
    const k = nameSearchKeys(`王${g}`);
    return { g, pinyin: k.pinyin.slice(4), initials: k.initials.slice(1) };
  });
  const surnames = SURNAMES.map((s) => ({ s, ...nameSearchKeys(s) }));
  return { given: givenKeys, surnames };
}

export async function generateMembers(
  db: Db,
  count: number,
  today: IsoDate,
  idCipher: IdCipher,
  seed = 7,
): Promise<SyntheticRoster> {
  const started = performance.now();
  const rnd = seededRandom(seed);
  const units = await queryRows<{ id: number; kind: string; parent_id: number | null; district: number }>(
    db,
    sql`select id, kind, parent_id, subpath(path, 1, 1)::text::int as district from orgs
        where kind in ('branch', 'group') and dissolved_on is null order by id`,
  );
  const branches = units.filter((u) => u.kind === 'branch');
  const groupsOf = new Map<number, number[]>();
  for (const u of units)
    if (u.kind === 'group')
      groupsOf.set(u.parent_id as number, [...(groupsOf.get(u.parent_id as number) ?? []), u.id]);
  const { given, surnames } = namePool();
  const usedIds = new Map<string, number>();
  let cipherMs = 0;
  let samples: SyntheticRoster['samples'] | undefined;
  const CHUNK = 20_000;
  for (let done = 0; done < count; ) {
    const n = Math.min(CHUNK, count - done);
    const people: BulkPerson[] = [];
    const plans: { m: DemoMember; status: MemberStatus }[] = [];
    for (let i = 0; i < n; i++) {
      const branch = branches[rnd.int(0, branches.length - 1)] as (typeof branches)[number];
      const groups = groupsOf.get(branch.id);
      const orgId = groups && rnd.chance(0.7) ? (rnd.pick(groups) as number) : branch.id;
      const profile = weighted(rnd, MIX);
      const probationary = profile !== 'retired' && rnd.chance(0.04);
      const m = demoMember(rnd, orgId, profile, '合成', today, probationary);
      const s = rnd.pick(surnames);
      const g = rnd.pick(given);
      const prefix = `3799${String(branch.district % 100).padStart(2, '0')}`;
      const key = `${prefix}${m.person.birthDate}`;
      const seq = usedIds.get(key) ?? (m.person.gender === 'male' ? 1 : 0);
      usedIds.set(key, seq + 2);
      const idNumber = generateIdNumber({
        provinceAndCounty: prefix,
        birthDate: m.person.birthDate,
        sequence: seq % 1000,
      });
      const t0 = performance.now();
      const idNumberEnc = idCipher.encrypt(idNumber);
      const idNumberHash = idCipher.hash(idNumber);
      cipherMs += performance.now() - t0;
      people.push({
        ...m.person,
        name: s.s + g.g,
        namePinyin: s.pinyin + g.pinyin,
        nameInitials: s.initials + g.initials,
        idNumberEnc,
        idNumberHash,
        phoneMobile: `13${String(done + i).padStart(9, '0')}`,
      });
      const roll = rnd.next();
      const status: MemberStatus = probationary
        ? 'probationary'
        : roll < 0.006
          ? 'suspended'
          : roll < 0.016
            ? 'unreachable'
            : roll < 0.04
              ? 'left'
              : roll < 0.054
                ? 'transferred_out'
                : 'full';
      plans.push({ m, status });
      samples ??= {
        namePrefix: (s.s + g.g).slice(0, 2),
        initials: s.initials + g.initials,
        idNumber,
        fullName: s.s + g.g,
      };
    }
    const personIds = await insertPersons(db, people);
    const members: BulkMember[] = plans.map(({ m, status }, i) => ({
      personId: personIds[i] as number,
      orgId: m.orgId,
      status,
      leftReason: status === 'left' ? 'withdrawn' : null,
      category: m.category,
      admittedOn: m.admittedOn,
      confirmedOn: m.confirmedOn,
      probationEndsOn: initialProbationEnd(m.admittedOn, m.confirmedOn),
      isMobile: m.isMobile,
      outflowDestination: m.outflowDestination,
      isHardship: m.isHardship,
      lostContactOn: status === 'unreachable' ? changedOn(m, done + i, today) : null,
      transferLetterNo:
        status === 'transferred_out'
          ? `合组转〔${changedOn(m, done + i, today).slice(0, 4)}〕${done + i}号`
          : null,
    }));
    const memberIds = await insertMembersBulk(db, members);
    const events: BulkEvent[] = plans.flatMap(({ m, status }, i) =>
      eventsOf(memberIds[i] as number, m, status, done + i, today),
    );
    await insertEvents(db, events);
    done += n;
    if (done % 200_000 === 0 || done === count)
      console.log(`  members: ${done.toLocaleString()} / ${count.toLocaleString()}`);
  }
  await db.execute(sql`analyze`);
  return {
    count,
    cipherSeconds: Math.round(cipherMs / 100) / 10,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    samples: samples as SyntheticRoster['samples'],
  };
}

const CHANGE_KIND: Partial<Record<MemberStatus, string>> = {
  suspended: 'suspended',
  unreachable: 'marked_unreachable',
  left: 'left',
  transferred_out: 'transferred_out',
};

/**
 * When a member who is no longer full changed standing: spread over the two years before today (never before
 * admission), so that the ledger of this year has entries to read. Derived from the index, not the random
 * stream, so that the rest of the city stays as it was.
 */
function changedOn(m: DemoMember, index: number, today: IsoDate): IsoDate {
  const on = addDays(today, -(1 + ((index * 7919) % 730)));
  const earliest = addDays(m.confirmedOn ?? m.admittedOn, 1);
  return maxDate(on, earliest);
}

/** The registration, and the change that brought a member to a standing other than the one registered. */
function eventsOf(memberId: number, m: DemoMember, status: MemberStatus, index: number, today: IsoDate) {
  const registeredAs = m.confirmedOn ? 'full' : 'probationary';
  const registered: BulkEvent = {
    memberId,
    kind: 'registered',
    orgId: m.orgId,
    fromValue: null,
    toValue: registeredAs,
    effectiveOn: m.admittedOn,
    details: {},
    reason: null,
  };
  const kind = CHANGE_KIND[status];
  if (!kind) return [registered];
  const on = changedOn(m, index, today);
  const details =
    status === 'left'
      ? { leftReason: 'withdrawn' }
      : status === 'transferred_out'
        ? { letterNo: `合组转〔${on.slice(0, 4)}〕${index}号`, externalOrgName: '外省某党委' }
        : {};
  const change: BulkEvent = {
    memberId,
    kind,
    orgId: m.orgId,
    fromValue: registeredAs,
    toValue: status,
    effectiveOn: on,
    details,
    reason: null,
  };
  return [registered, change];
}
