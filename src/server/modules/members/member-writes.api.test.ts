import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdNumber } from '../../../domain/people/index.ts';
import { inTransaction } from '../../context.ts';
import { queryRows } from '../../db/client.ts';
import { memberEvents, members, persons } from '../../db/tables/people.ts';
import { auditRows } from '../../testing/actors.ts';
import { testJobCtx } from '../../testing/ctx.ts';
import { seedTree, type Tree } from '../../testing/fixtures.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { findIdHolders, insertMembers, type NewMemberRow } from './member-writes.ts';

let t: TestApp;
let tree: Tree;

function row(i: number, orgId: number, extra: Partial<NewMemberRow> = {}): NewMemberRow {
  const birthDate = `1980-01-${String(10 + i).padStart(2, '0')}`;
  return {
    person: {
      name: `张${'一二三四五六七八九'[i - 1]}`,
      gender: i % 2 === 1 ? 'male' : 'female',
      ethnicity: '01',
      birthDate,
      idNumber: generateIdNumber({ provinceAndCounty: '110105', birthDate, sequence: i }),
      education: '21',
      workPost: null,
      phoneMobile: `1380000000${i}`,
      phoneLandline: null,
      address: null,
    },
    orgId,
    status: 'full',
    category: 'employed',
    admittedOn: '2005-07-01',
    confirmedOn: '2006-07-01',
    isMobile: false,
    outflowDestination: null,
    isHardship: false,
    lostContactOn: null,
    importBatchId: null,
    ...extra,
  };
}

beforeAll(async () => {
  t = await startTestApp();
  tree = await seedTree(t.deps.db);
});
afterAll(() => t.close());

describe('insertMembers (bulk writes for the Excel import)', () => {
  let ids: number[];
  const rows = () => [row(1, tree.branchA1.id), row(2, tree.branchA1.id), row(3, tree.groupA1.id)];

  beforeAll(async () => {
    ids = await inTransaction(testJobCtx(t, 'import'), (tx) =>
      insertMembers(tx, rows(), {
        auditAction: 'member.import',
        note: { fileName: 'a.xlsx' },
      }),
    );
  });

  it('returns the new member ids in the order of the rows', async () => {
    expect(ids).toHaveLength(3);
    const stored = await t.deps.db
      .select()
      .from(members)
      .where(eq(members.id, ids[2] as number));
    expect(stored[0]?.orgId).toBe(tree.groupA1.id);
  });

  it('stores the ID number encrypted, with its keyed hash and the pinyin search keys', async () => {
    const [p] = await t.deps.db.select().from(persons).where(eq(persons.name, '张一'));
    const idNumber = rows()[0]?.person.idNumber as string;
    expect(p?.idNumberEnc).not.toContain(idNumber);
    expect(t.deps.idCipher.decrypt(p?.idNumberEnc as string)).toBe(idNumber);
    expect(p?.idNumberHash).toBe(t.deps.idCipher.hash(idNumber));
    expect(p).toMatchObject({ namePinyin: 'zhangyi', nameInitials: 'zy' });
  });

  it('opens each history with a registered event dated on admission', async () => {
    const events = await t.deps.db
      .select()
      .from(memberEvents)
      .where(eq(memberEvents.memberId, ids[0] as number));
    expect(events).toMatchObject([{ kind: 'registered', effectiveOn: '2005-07-01', toValue: 'full' }]);
  });

  it('counts the members in the rollup of their own orgs', async () => {
    const stats = await queryRows<{ org_id: number; member_count: number }>(
      t.deps.db,
      sql`select org_id, member_count from org_stats where org_id in (${tree.branchA1.id}, ${tree.groupA1.id}) order by org_id`,
    );
    expect(stats).toEqual([
      { org_id: tree.branchA1.id, member_count: 2 },
      { org_id: tree.groupA1.id, member_count: 1 },
    ]);
  });

  it('writes one audit row for the batch, without personal data', async () => {
    const [audit] = await auditRows(t.deps.db, 'member.import');
    expect(JSON.stringify(audit?.diff)).not.toContain('张');
    expect(audit?.diff).toMatchObject({ note: { fileName: 'a.xlsx', memberCount: 3 } });
  });

  it('finds who holds which keyed hashes, also for the 15-digit form of a number, with their org', async () => {
    const taken = rows()[0]?.person.idNumber as string;
    const legacy = `${taken.slice(0, 6)}${taken.slice(8, 17)}`;
    const free = generateIdNumber({ provinceAndCounty: '110105', birthDate: '1990-05-05', sequence: 7 });
    const found = await findIdHolders(t.deps, [t.deps.idCipher.hash(legacy), t.deps.idCipher.hash(free)]);
    expect([...found.keys()]).toEqual([t.deps.idCipher.hash(taken)]);
    expect(found.get(t.deps.idCipher.hash(taken))?.orgPath).toMatch(/^\d+(\.\d+)+$/);
  });
});
