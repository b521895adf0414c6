import { describe, expect, it } from 'vitest';
import { checkMonthToGenerate, type MemberDuesFacts, memberCharges, monthDues } from './charges.ts';
import { DEFAULT_DUES_RULES, type DuesRuleSet } from './rules.ts';

const RULES = [DEFAULT_DUES_RULES];
const LAST_DAY: DuesRuleSet[] = [{ ...DEFAULT_DUES_RULES, chargeOrgOn: 'last_day' }];
const FIXED_YEAR: DuesRuleSet[] = [{ ...DEFAULT_DUES_RULES, mode: 'fixed_year' }];

/** A full member of branch 10 since 2010, employed, with a base of 4,000 元 since 2020 (1% → 40 元). */
function member(extra: Partial<MemberDuesFacts> = {}): MemberDuesFacts {
  return {
    memberId: 1,
    admittedOn: '2010-07-01',
    enteredOn: '2010-07-01',
    enteredBy: 'initial_load',
    status: 'full',
    branchId: 10,
    category: 'employed',
    history: [],
    bases: [{ fromMonth: '2020-01', amount: 400_000 }],
    reductions: [],
    ...extra,
  };
}

const owed = (facts: MemberDuesFacts, month: string, sets = RULES) => {
  const d = monthDues(facts, month, sets);
  return d.kind === 'charge' ? { branch: d.charge.branchId, amount: d.charge.amount } : d.kind;
};

describe('who owes a month (docs/dues.md §8)', () => {
  it('a member on the roster owes their branch what the rules give on their base', () => {
    expect(monthDues(member(), '2026-07', RULES)).toEqual({
      kind: 'charge',
      charge: {
        memberId: 1,
        month: '2026-07',
        branchId: 10,
        category: 'employed',
        base: 400_000,
        rateBp: 100,
        fullAmount: 4_000,
        amount: 4_000,
        reductionId: null,
        ruleVersion: '2008-中组发3号',
      },
    });
  });

  it.each([
    // admitted on, month, owed? — 第八条: a 预备党员 owes from the month of the 支部大会, never before it.
    ['2026-07-20', '2026-06', 'not_owed'],
    ['2026-07-20', '2026-07', { branch: 10, amount: 4_000 }],
    ['2026-07-01', '2026-07', { branch: 10, amount: 4_000 }],
    ['2026-07-31', '2026-08', { branch: 10, amount: 4_000 }],
  ])('a 预备党员 admitted on %s: %s → %j', (admittedOn, month, expected) => {
    const facts = member({
      admittedOn,
      enteredOn: admittedOn,
      enteredBy: 'admitted',
      status: 'probationary',
    });
    expect(owed(facts, month)).toEqual(expected);
  });

  it('by the last day, the admission month is owed too (on the roster at its end)', () => {
    const facts = member({ admittedOn: '2026-07-20', enteredOn: '2026-07-20', enteredBy: 'admitted' });
    expect(owed(facts, '2026-07', LAST_DAY)).toEqual({ branch: 10, amount: 4_000 });
  });

  it('a member transferred in from outside owes from the first month they start here on its deciding day', () => {
    const facts = member({ enteredOn: '2026-07-10', enteredBy: 'transferred_in' });
    expect(owed(facts, '2026-07')).toBe('not_owed');
    expect(owed(facts, '2026-08')).toEqual({ branch: 10, amount: 4_000 });
    expect(owed(facts, '2026-07', LAST_DAY)).toEqual({ branch: 10, amount: 4_000 });
  });

  it('停止党籍 is not charged; 失联 is (§4, §8)', () => {
    const suspended = member({
      status: 'suspended',
      history: [{ kind: 'suspended', effectiveOn: '2026-05-10', branchId: null, fromValue: 'full' }],
    });
    expect(owed(suspended, '2026-05')).toEqual({ branch: 10, amount: 4_000 }); // on the 1st they were full
    expect(owed(suspended, '2026-06')).toBe('not_owed');
    expect(owed(suspended, '2026-05', LAST_DAY)).toBe('not_owed');
    expect(owed(member({ status: 'unreachable' }), '2026-06')).toEqual({ branch: 10, amount: 4_000 });
  });

  it.each([
    ['left', 'left'],
    ['died', 'deceased'],
    ['transferred_out', 'transferred_out'],
  ] as const)('a member who %s owes the months they were on the roster by the rule', (kind, status) => {
    const facts = member({
      status,
      history: [{ kind, effectiveOn: '2026-05-10', branchId: null, fromValue: 'full' }],
    });
    expect(owed(facts, '2026-05')).toEqual({ branch: 10, amount: 4_000 });
    expect(owed(facts, '2026-06')).toBe('not_owed');
    expect(owed(facts, '2026-05', LAST_DAY)).toBe('not_owed');
  });

  it('a change dated on the first day has happened: who left on the 1st owes nothing that month', () => {
    const facts = member({
      status: 'left',
      history: [{ kind: 'left', effectiveOn: '2026-05-01', branchId: null, fromValue: 'full' }],
    });
    expect(owed(facts, '2026-04')).toEqual({ branch: 10, amount: 4_000 });
    expect(owed(facts, '2026-05')).toBe('not_owed');
  });

  it('transferred mid-month: the branch of the first day (default) or of the last (CFG)', () => {
    const facts = member({
      branchId: 20,
      history: [{ kind: 'org_changed', effectiveOn: '2026-07-15', branchId: 10, fromValue: null }],
    });
    expect(owed(facts, '2026-07')).toEqual({ branch: 10, amount: 4_000 });
    expect(owed(facts, '2026-08')).toEqual({ branch: 20, amount: 4_000 });
    expect(owed(facts, '2026-07', LAST_DAY)).toEqual({ branch: 20, amount: 4_000 });
    expect(owed(facts, '2026-06', LAST_DAY)).toEqual({ branch: 10, amount: 4_000 });
  });

  it('the category of the deciding day decides the rate (§1: an effective-dated event)', () => {
    const facts = member({
      category: 'retired',
      bases: [
        { fromMonth: '2020-01', amount: 400_000 },
        { fromMonth: '2026-07', amount: 450_000 },
      ],
      history: [
        { kind: 'category_changed', effectiveOn: '2026-07-01', branchId: null, fromValue: 'employed' },
      ],
    });
    expect(owed(facts, '2026-06')).toEqual({ branch: 10, amount: 4_000 }); // employed, 1%
    expect(owed(facts, '2026-07')).toEqual({ branch: 10, amount: 2_250 }); // retired, 0.5% of 4,500
  });

  it('a flat category owes its amount without a base; a percentage one without a base cannot be charged', () => {
    expect(owed(member({ category: 'student', bases: [] }), '2026-07')).toEqual({ branch: 10, amount: 20 });
    expect(monthDues(member({ bases: [] }), '2026-07', RULES)).toEqual({
      kind: 'no_base',
      missing: { memberId: 1, month: '2026-07', branchId: 10, category: 'employed' },
    });
    // A base from a later month leaves the earlier ones missing.
    const later = member({ bases: [{ fromMonth: '2026-08', amount: 300_000 }] });
    expect(owed(later, '2026-07')).toBe('no_base');
    expect(owed(later, '2026-08')).toEqual({ branch: 10, amount: 1_500 });
  });
});

describe('the base of a month: rebase or fixed_year (docs/dues.md §2, §8)', () => {
  const raised = member({
    bases: [
      { fromMonth: '2025-01', amount: 400_000 },
      { fromMonth: '2026-04', amount: 600_000 },
    ],
  });
  it('rebase: from the month the new pay is first received (第十条)', () => {
    expect(owed(raised, '2026-03')).toEqual({ branch: 10, amount: 4_000 });
    expect(owed(raised, '2026-04')).toEqual({ branch: 10, amount: 9_000 });
  });
  it('fixed_year: the base of the first month charged in the year, for the whole year', () => {
    expect(owed(raised, '2026-04', FIXED_YEAR)).toEqual({ branch: 10, amount: 4_000 });
    expect(owed(raised, '2026-12', FIXED_YEAR)).toEqual({ branch: 10, amount: 4_000 });
    expect(owed(raised, '2027-01', FIXED_YEAR)).toEqual({ branch: 10, amount: 9_000 });
  });
  it('fixed_year: a member admitted in the year takes the base of their first month', () => {
    const admitted = member({
      admittedOn: '2026-05-10',
      enteredOn: '2026-05-10',
      enteredBy: 'admitted',
      status: 'probationary',
      bases: [
        { fromMonth: '2026-05', amount: 300_000 },
        { fromMonth: '2026-09', amount: 800_000 },
      ],
    });
    expect(owed(admitted, '2026-10', FIXED_YEAR)).toEqual({ branch: 10, amount: 1_500 });
  });
  it('fixed_year: with no base early in the year, the first base in force sets the year', () => {
    const late = member({ bases: [{ fromMonth: '2026-03', amount: 300_000 }] });
    expect(owed(late, '2026-02', FIXED_YEAR)).toBe('no_base');
    expect(owed(late, '2026-06', FIXED_YEAR)).toEqual({ branch: 10, amount: 1_500 });
  });
  it('each month takes the version of the rules in force on its first day (§7)', () => {
    const province: DuesRuleSet = {
      ...DEFAULT_DUES_RULES,
      version: '2026-省',
      validFrom: '2026-07-01',
      flat: { ...DEFAULT_DUES_RULES.flat, farmer: 100 },
    };
    const farmer = member({ category: 'farmer', bases: [] });
    const sets = [DEFAULT_DUES_RULES, province];
    expect(monthDues(farmer, '2026-06', sets)).toMatchObject({
      charge: { amount: 20, ruleVersion: '2008-中组发3号' },
    });
    expect(monthDues(farmer, '2026-07', sets)).toMatchObject({
      charge: { amount: 100, ruleVersion: '2026-省' },
    });
  });
});

describe('an approved reduction replaces the amount (docs/dues.md §6)', () => {
  const reduced = member({
    reductions: [
      { id: 7, kind: 'reduce', fromMonth: '2026-03', toMonth: '2026-05', monthlyAmount: 1_000 },
      { id: 8, kind: 'exempt', fromMonth: '2026-06', toMonth: '2026-06', monthlyAmount: null },
    ],
  });
  it.each([
    ['2026-02', 4_000, null],
    ['2026-03', 1_000, 7],
    ['2026-05', 1_000, 7],
    ['2026-06', 0, 8],
    ['2026-07', 4_000, null],
  ])('%s → %i 分 (reduction %s), the full amount kept beside it', (month, amount, reductionId) => {
    expect(monthDues(reduced, month, RULES)).toMatchObject({
      charge: { fullAmount: 4_000, amount, reductionId },
    });
  });
  it('a 少交 amount never exceeds a full amount that fell below it since', () => {
    const lowered = member({
      bases: [{ fromMonth: '2020-01', amount: 100_000 }], // 0.5% → 5 元
      reductions: [{ id: 7, kind: 'reduce', fromMonth: '2026-03', toMonth: '2026-05', monthlyAmount: 1_000 }],
    });
    expect(monthDues(lowered, '2026-04', RULES)).toMatchObject({ charge: { fullAmount: 500, amount: 500 } });
  });
});

describe('memberCharges', () => {
  it('collects a range: charges, and months missing a base', () => {
    const facts = member({ bases: [{ fromMonth: '2026-03', amount: 300_000 }] });
    const out = memberCharges(facts, ['2026-01', '2026-02', '2026-03'], RULES);
    expect(out.charges.map((c) => c.month)).toEqual(['2026-03']);
    expect(out.missing.map((c) => c.month)).toEqual(['2026-01', '2026-02']);
  });
});

describe('checkMonthToGenerate', () => {
  it('generates months up to the current one, never one not begun', () => {
    expect(checkMonthToGenerate('2026-06', '2026-06-15').ok).toBe(true);
    expect(checkMonthToGenerate('2025-01', '2026-06-15').ok).toBe(true);
    expect(checkMonthToGenerate('2026-07', '2026-06-15')).toMatchObject({
      ok: false,
      reason: 'dues_month_future',
    });
  });
});
