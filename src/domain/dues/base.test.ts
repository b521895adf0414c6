import { describe, expect, it } from 'vitest';
import type { Assignment } from '../access/index.ts';
import { type BaseEntry, baseFigures, decideBase, maySeePay, payAssignment } from './base.ts';

const employed = { fromMonth: '2026-07', category: 'employed', workPost: '0212' } as const;
const item = (label: string, amount: number, counted = true) => ({ label, amount, counted });
const salary = (items: BaseEntry['items'], incomeTax = 0): BaseEntry => ({
  kind: 'salary',
  items,
  incomeTax,
});

describe('a base from its entry (docs/dues.md §2; 中组发〔2008〕3号 第一、三、四条)', () => {
  it('salary: the counted items less personal income tax only; the items listed apart do not count', () => {
    const entry = salary(
      [
        item('职务工资', 320_000),
        item('级别工资', 180_000),
        item('津贴补贴', 150_000),
        item('住房公积金', 90_000, false),
        item('交通补贴', 50_000, false),
      ],
      23_456,
    );
    expect(baseFigures(entry)).toEqual({ counted: 650_000, apart: 140_000, amount: 626_544 });
    expect(decideBase(entry, employed)).toEqual({ ok: true, amount: 626_544, warnings: [] });
  });

  it('annual salary: the pay received that month, less tax (第三条)', () => {
    const entry: BaseEntry = {
      kind: 'annual_salary',
      items: [item('当月实得', 1_250_000)],
      incomeTax: 150_000,
    };
    expect(decideBase(entry, employed)).toMatchObject({ ok: true, amount: 1_100_000 });
  });

  it.each([
    ['the quarter total', [item('上季度纯收入合计', 1_000_000)], 333_333],
    ['the three months', [item('4月', 300_000), item('5月', 350_000), item('6月', 350_001)], 333_333],
  ])('quarter average from %s, ÷ 3 rounded down to the 分 (第四条)', (_, items, amount) => {
    const entry: BaseEntry = { kind: 'quarter_average', items, incomeTax: 0 };
    expect(decideBase(entry, { ...employed, category: 'self_employed', workPost: '604' })).toMatchObject({
      ok: true,
      amount,
    });
  });

  it('quarter average: refuses two items (neither the total nor three months)', () => {
    const entry: BaseEntry = {
      kind: 'quarter_average',
      items: [item('4月', 1), item('5月', 1)],
      incomeTax: 0,
    };
    expect(decideBase(entry, { ...employed, category: 'self_employed', workPost: null })).toMatchObject({
      ok: false,
      reason: 'dues_base_quarter_items',
    });
  });

  it('pension: the basic pension only; an allowance flagged counted is refused (组电明字〔2017〕5号)', () => {
    const retired = { fromMonth: '2026-07', category: 'retired', workPost: '51' } as const;
    const ok: BaseEntry = {
      kind: 'pension',
      items: [item('基本养老金', 450_000), item('生活补贴', 80_000, false)],
      incomeTax: 0,
    };
    expect(decideBase(ok, retired)).toEqual({ ok: true, amount: 450_000, warnings: [] });
    const bad: BaseEntry = { ...ok, items: [item('基本养老金', 450_000), item('生活补贴', 80_000)] };
    expect(decideBase(bad, retired)).toMatchObject({ ok: false, reason: 'dues_base_pension_not_basic' });
  });

  it.each([
    ['住房公积金'],
    ['提租补贴'],
    ['通讯补贴'],
    ['交通补贴'],
    ['特殊岗位津贴'],
    ['艰苦边远地区津贴'],
    ['社保补贴'],
    ['加班费'],
    ['误餐费'],
    ['一次性奖励'],
  ])('refuses %s flagged counted: it never counts', (label) => {
    const entry = salary([item('基本工资', 500_000), item(label, 10_000)]);
    expect(decideBase(entry, employed)).toMatchObject({
      ok: false,
      reason: 'dues_base_item_never_counted',
      details: { label },
    });
  });

  it('accepts a free label, counted or not', () => {
    const entry = salary([
      item('基本工资', 500_000),
      item('工龄工资', 20_000),
      item('取暖费', 30_000, false),
    ]);
    expect(decideBase(entry, employed)).toMatchObject({ ok: true, amount: 520_000 });
  });

  it('refuses negative amounts and negative tax', () => {
    expect(decideBase(salary([item('基本工资', -1)]), employed)).toMatchObject({
      ok: false,
      reason: 'dues_base_negative',
    });
    expect(decideBase(salary([item('基本工资', 100)], -1), employed)).toMatchObject({
      ok: false,
      reason: 'dues_base_negative',
    });
  });

  it('refuses tax greater than the counted pay (tax on items listed apart does not make it fit)', () => {
    const entry = salary([item('基本工资', 100_000), item('加班费', 500_000, false)], 100_001);
    expect(decideBase(entry, employed)).toMatchObject({ ok: false, reason: 'dues_base_tax_exceeds_pay' });
    expect(decideBase(salary([item('基本工资', 100_000)], 100_000), employed)).toMatchObject({
      ok: true,
      amount: 0,
    });
  });

  it('refuses an entry with nothing counted', () => {
    expect(decideBase(salary([item('住房公积金', 100, false)]), employed)).toMatchObject({
      ok: false,
      reason: 'dues_base_no_counted_items',
    });
  });

  it.each([
    ['retired', 'salary'],
    ['employed', 'pension'],
    ['employed', 'quarter_average'],
    ['self_employed', 'salary'],
  ] as const)('refuses for category %s the kind %s (BASE_KINDS_BY_CATEGORY)', (category, kind) => {
    const entry: BaseEntry = { kind, items: [item('基本工资', 1)], incomeTax: 0 };
    expect(decideBase(entry, { fromMonth: '2026-07', category, workPost: null })).toMatchObject({
      ok: false,
      reason: 'dues_base_kind_mismatch',
    });
  });

  it.each(['farmer', 'student', 'unemployed', 'welfare'] as const)(
    'refuses a base for the flat category %s: its pay has no use (第六条)',
    (category) => {
      const entry = salary([item('基本工资', 100_000)]);
      expect(decideBase(entry, { fromMonth: '2026-07', category, workPost: null })).toMatchObject({
        ok: false,
        reason: 'dues_base_not_needed',
      });
    },
  );

  it.each(['2026-7', '2026-13', '2026-07-01', ''])('refuses the from-month %j', (fromMonth) => {
    expect(decideBase(salary([item('基本工资', 1)]), { ...employed, fromMonth })).toMatchObject({
      ok: false,
      reason: 'dues_base_month_invalid',
    });
  });

  it('WARNs when the category contradicts the 工作岗位 (docs/membership.md §10), and still gives the base', () => {
    const entry: BaseEntry = { kind: 'pension', items: [item('基本养老金', 300_000)], incomeTax: 0 };
    const decision = decideBase(entry, { fromMonth: '2026-07', category: 'retired', workPost: '0212' });
    expect(decision).toMatchObject({
      ok: true,
      amount: 300_000,
      warnings: [{ reason: 'dues_base_category_work_post', details: { workPostCategory: 'employed' } }],
    });
    // No 工作岗位 on record, or one that agrees: no warning.
    expect(decideBase(entry, { fromMonth: '2026-07', category: 'retired', workPost: null })).toMatchObject({
      warnings: [],
    });
  });
});

describe('who sees pay (docs/dues.md §11)', () => {
  const today = '2026-07-15';
  const at = (role: Assignment['role'], orgPath: string, endsOn: string | null = null): Assignment => ({
    role,
    orgId: Number(orgPath.split('.').at(-1)),
    orgPath,
    endsOn,
  });
  // 1 city · 1.2 district · 1.2.3 community · 1.2.3.4 branch (its group 1.2.3.4.5: the member's branch is 1.2.3.4)
  const member = { branchPath: '1.2.3.4' };

  it('an org_admin whose scope holds the member’s branch', () => {
    expect(maySeePay([at('org_admin', '1')], member, today)).toBe(true);
    expect(maySeePay([at('org_admin', '1.2.3.4')], member, today)).toBe(true);
    expect(maySeePay([at('org_admin', '1.9')], member, today)).toBe(false);
  });

  it('a secretary only at the member’s own branch, not at the community above it', () => {
    expect(maySeePay([at('secretary', '1.2.3.4')], member, today)).toBe(true);
    expect(maySeePay([at('secretary', '1.2.3')], member, today)).toBe(false);
    expect(maySeePay([at('secretary', '1.2.3.4.5')], member, today)).toBe(false);
  });

  it('the member themself; nobody through an ended assignment or a role without dues.base', () => {
    expect(maySeePay([at('member', '1.2.3.4')], member, today, true)).toBe(true);
    expect(maySeePay([at('member', '1.2.3.4')], member, today)).toBe(false);
    expect(maySeePay([at('system_admin', '1')], member, today)).toBe(false);
    expect(maySeePay([at('org_admin', '1', '2026-07-14')], member, today)).toBe(false);
  });

  it('names the authorizing assignment (for the audit row)', () => {
    expect(payAssignment([at('secretary', '1.2.3'), at('org_admin', '1.2')], member, today)?.role).toBe(
      'org_admin',
    );
  });
});
