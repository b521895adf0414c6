import { sql } from 'drizzle-orm';
import {
  addMonths,
  type BaseItem,
  type BaseKind,
  baseFigures,
  type Fen,
  type MonthKey,
  monthEnd,
  monthOf,
  monthRange,
  monthStart,
  monthsBetween,
  needsBase,
} from '../../domain/dues/index.ts';
import { MEMBER_CATEGORIES, type MemberCategory } from '../../domain/membership/index.ts';
import { addDays, type IsoDate } from '../../domain/shared/index.ts';
import type { WorkCtx } from '../context.ts';
import { queryRows } from '../db/client.ts';
import { generateMonth, refreshCharges } from '../modules/dues/index.ts';
import type { Random } from './random.ts';

/** How many months of dues the demo city holds: the last twelve and the current one. */
export const DEMO_DUES_MONTHS = 13;

/**
 * How a demo member pays (docs/dues.md §4, §5): most within the month, some a quarter ahead with the branch's
 * consent, some a month or two late, a few in arrears for the last 3–5 months (the to-do warns) and a handful for 6
 * or more (the 党章第九条 case).
 */
type Habit = 'monthly' | 'quarterly' | 'late' | 'arrears' | 'lapsed';

function habitOf(rnd: Random): Habit {
  const x = rnd.next();
  if (x < 0.78) return 'monthly';
  if (x < 0.88) return 'quarterly';
  if (x < 0.95) return 'late';
  if (x < 0.98) return 'arrears';
  if (x < 0.985) return 'lapsed';
  return 'monthly';
}

/** A salary base's items (docs/dues.md §2): the counted pay, and the items listed apart that never count. */
function salaryItems(rnd: Random): { items: BaseItem[]; incomeTax: Fen } {
  // Bases spread over every bracket: 2,600 元 up to 16,000 元 of counted pay.
  const basic = rnd.int(18, 90) * 10_000;
  const performance = rnd.int(4, 50) * 5_000;
  const allowance = rnd.int(2, 10) * 5_000;
  const counted = basic + performance + allowance;
  const items: BaseItem[] = [
    { label: '岗位工资', amount: basic, counted: true },
    { label: '绩效工资', amount: performance, counted: true },
    { label: '津贴补贴', amount: allowance, counted: true },
    { label: '住房公积金', amount: Math.round(counted * 0.12), counted: false },
    { label: '交通补贴', amount: rnd.int(2, 8) * 5_000, counted: false },
  ];
  // 个人所得税 on the counted pay above 5,000 元 at 3% / 10%, roughly as the tables do.
  const taxable = Math.max(0, counted - 500_000);
  const incomeTax =
    taxable <= 300_000 ? Math.round(taxable * 0.03) : 9_000 + Math.round((taxable - 300_000) * 0.1);
  return { items, incomeTax };
}

function baseOf(
  category: MemberCategory,
  rnd: Random,
): { kind: BaseKind; items: BaseItem[]; incomeTax: Fen } | null {
  switch (category) {
    case 'employed':
      return { kind: 'salary', ...salaryItems(rnd) };
    case 'retired':
      return {
        kind: 'pension',
        items: [
          { label: '基本养老金', amount: rnd.int(25, 70) * 10_000, counted: true },
          { label: '生活补贴', amount: rnd.int(2, 6) * 10_000, counted: false },
        ],
        incomeTax: 0,
      };
    case 'self_employed':
    case 'other':
      // The previous quarter's net income, entered as its total (divided by three).
      return {
        kind: 'quarter_average',
        items: [{ label: '上季度纯收入合计', amount: rnd.int(60, 300) * 10_000, counted: true }],
        incomeTax: 0,
      };
    default:
      return null;
  }
}

type DemoMember = { id: number; category: MemberCategory; branch_id: number; admitted_on: IsoDate | null };

/**
 * A year of dues for the demo city (docs/dues.md): a base for every member of a percentage category (but one of the
 * demo branch, whose to-do asks for it) from the first demo month (a tenth of the employees with a raise from July: the `rebase` mode takes it from that month), one 免交
 * approved for a member in hardship, the charges generated month by month as the monthly pass does, and the payments
 * by each member's habit — so that the sheets, the collection figures and the arrears to-dos have something to show.
 * Written straight into the tables as the rest of the demo city is (no audit: nobody did it).
 */
export async function seedDemoDues(
  ctx: WorkCtx,
  input: { rnd: Random; approver: string; arrearsBranchId: number },
): Promise<{ entries: number }> {
  const { rnd } = input;
  const current = monthOf(ctx.today);
  const first = addMonths(current, -(DEMO_DUES_MONTHS - 1));
  const members = await queryRows<DemoMember>(
    ctx.db,
    sql`select mb.id, mb.category, case when o.kind = 'group' then o.parent_id else o.id end as branch_id,
               mb.admitted_on::text as admitted_on
          from members mb join orgs o on o.id = mb.org_id
         where mb.status in ('full', 'probationary', 'unreachable')
         order by mb.id`,
  );
  // The demo branch's last member on the roll is three months behind: the secretary's 工作台 warns of it.
  const behind = members.filter((m) => m.branch_id === input.arrearsBranchId).at(-1)?.id ?? null;
  // And one of its own members owing on a base has none yet (未核定基数, docs/dues.md §8): the last on its sheet (by
  // pinyin), so that the sheet still opens on members with their pay.
  const [unbased] = await queryRows<{ id: number }>(
    ctx.db,
    sql`select mb.id from members mb join persons p on p.id = mb.person_id
         where mb.org_id = ${input.arrearsBranchId} and mb.status in ('full', 'probationary')
           and mb.category::text = any(${`{${MEMBER_CATEGORIES.filter(needsBase).join(',')}}`}::text[])
           and mb.id <> ${behind ?? 0}
         order by p.name_pinyin desc, mb.id desc limit 1`,
  );
  const bases: {
    member_id: number;
    from_month: IsoDate;
    kind: BaseKind;
    items: BaseItem[];
    income_tax: Fen;
    amount: Fen;
  }[] = [];
  for (const m of members) {
    const base = baseOf(m.category, rnd);
    if (!base || m.id === unbased?.id) continue;
    const push = (from: MonthKey, b: { kind: BaseKind; items: BaseItem[]; incomeTax: Fen }) =>
      bases.push({
        member_id: m.id,
        from_month: monthStart(from),
        kind: b.kind,
        items: b.items,
        income_tax: b.incomeTax,
        amount: baseFigures(b).amount,
      });
    push(first, base);
    const july = `${current.slice(0, 4)}-07`;
    if (m.category === 'employed' && july > first && july <= current && rnd.chance(0.1)) {
      const raised = base.items.map((i) =>
        i.label === '岗位工资' ? { ...i, amount: Math.round(i.amount * 1.1) } : i,
      );
      push(july, { ...base, items: raised });
    }
  }
  await ctx.db.execute(sql`
    insert into dues_bases (member_id, from_month, kind, items, income_tax, amount, note)
    select member_id, from_month, kind, items, income_tax, amount, '演示数据'
      from json_to_recordset(${JSON.stringify(bases)}::json)
        as r(member_id integer, from_month date, kind text, items jsonb, income_tax integer, amount integer)`);
  // One member in hardship: 免交 for half a year, decided by the branch and approved above (第七条).
  const hardship = members.find((m) => m.category === 'unemployed');
  if (hardship) {
    const from = addMonths(current, -5);
    await ctx.db.execute(sql`
      insert into dues_reductions (member_id, org_id, kind, from_month, to_month, reason, branch_decided_on, status,
        decided_by, decided_on, decision_note)
      select ${hardship.id}, ${hardship.branch_id}, 'exempt', ${monthStart(from)}::date, ${monthStart(current)}::date,
             '家庭遭遇重大变故，生活困难', ${addDays(monthStart(from), -10)}::date, 'approved', u.id,
             ${addDays(monthStart(from), -3)}::date, '同意免交'
        from users u where u.username = ${input.approver}`);
  }
  for (const month of monthRange(first, current)) await generateMonth(ctx.db, month);
  // The bases written above marked their members for the charges' refresh: taken now, not on the first read.
  await refreshCharges(ctx.db, ctx.today);
  await ctx.db.execute(sql`analyze dues_charges`);
  const entries = await payments(ctx, members, { first, current, behind }, rnd);
  await ctx.db.execute(sql`analyze dues_ledger`);
  return { entries };
}

/** The day within a month, never after today. */
function dayIn(month: MonthKey, day: number, today: IsoDate): IsoDate | null {
  const on = `${month}-${String(Math.min(day, Number(monthEnd(month).slice(8)))).padStart(2, '0')}`;
  return on <= today ? on : null;
}

async function payments(
  ctx: WorkCtx,
  members: readonly DemoMember[],
  months: { first: MonthKey; current: MonthKey; behind: number | null },
  rnd: Random,
): Promise<number> {
  const { first, current } = months;
  const charges = await queryRows<{ member_id: number; month: string; org_id: number; amount: number }>(
    ctx.db,
    sql`select member_id, to_char(month, 'YYYY-MM') as month, org_id, amount from dues_charges
         where amount > 0 order by member_id, month`,
  );
  const byMember = new Map<number, typeof charges>();
  for (const c of charges) byMember.set(c.member_id, [...(byMember.get(c.member_id) ?? []), c]);
  const rows: Record<string, unknown>[] = [];
  const pay = (c: (typeof charges)[number], on: IsoDate | null, receipt: string, consent: string | null) => {
    if (!on) return;
    rows.push({
      member_id: c.member_id,
      month: monthStart(c.month),
      amount: c.amount,
      paid_on: on,
      method: rnd.chance(0.3) ? 'bank_transfer' : 'cash',
      org_id: c.org_id,
      receipt,
      prepayment_consent_by: consent,
    });
  };
  for (const m of members) {
    const own = byMember.get(m.id) ?? [];
    const behind = m.id === months.behind;
    const habit: Habit = behind ? 'arrears' : habitOf(rnd);
    const stopAt = behind
      ? addMonths(current, -3)
      : habit === 'arrears'
        ? addMonths(current, -rnd.int(3, 5))
        : addMonths(current, -rnd.int(6, 8));
    for (const c of own) {
      if ((habit === 'arrears' || habit === 'lapsed') && c.month >= stopAt) continue;
      const receipt = `demo-${m.id}-${c.month}`;
      if (habit === 'quarterly') {
        // Paid with the first month of its quarter (the branch's consent on record, §4).
        const q = addMonths(c.month, -((Number(c.month.slice(5)) - 1) % 3));
        const qFirst = monthsBetween(first, q) < 0 ? first : q;
        pay(c, dayIn(qFirst, 12, ctx.today), `demo-${m.id}-${q}-q`, '支部同意按季度预缴');
      } else if (habit === 'late') {
        pay(c, dayIn(addMonths(c.month, rnd.int(1, 2)), rnd.int(5, 25), ctx.today), receipt, null);
      } else {
        pay(c, dayIn(c.month, rnd.int(5, 25), ctx.today), receipt, null);
      }
    }
  }
  // 特殊党费: a few voluntary one-off payments, one of at least 1,000 元 (wholly to the centre, 第十一条).
  for (const [i, m] of members
    .filter((x) => x.category === 'retired')
    .slice(0, 3)
    .entries()) {
    const amount = i === 0 ? 200_000 : rnd.int(1, 5) * 10_000;
    rows.push({
      member_id: m.id,
      kind: 'special_dues',
      amount,
      paid_on: dayIn(addMonths(current, -2), 1 + i, ctx.today),
      method: 'cash',
      org_id: m.branch_id,
      receipt: `demo-special-${m.id}`,
      to_centre: amount >= 100_000,
    });
  }
  await ctx.db.execute(sql`
    insert into dues_ledger (member_id, kind, month, amount, paid_on, method, org_id, receipt, prepayment_consent_by,
      to_centre)
    select member_id, coalesce(kind, 'payment'), month, amount, paid_on, method, org_id, receipt, prepayment_consent_by,
           coalesce(to_centre, false)
      from json_to_recordset(${JSON.stringify(rows)}::json)
        as r(member_id integer, kind text, month date, amount integer, paid_on date, method text, org_id integer,
             receipt text, prepayment_consent_by text, to_centre boolean)`);
  return rows.length;
}
