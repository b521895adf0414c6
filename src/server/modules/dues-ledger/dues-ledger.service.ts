import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  LedgerEntryList,
  MemberDuesView,
  PaymentBody,
  PaymentListQuery,
  PaymentResult,
  ReverseBody,
  SpecialDuesBody,
} from '../../../contracts/dues-ledger.ts';
import {
  addMonths,
  arrearsFinding,
  arrearsOf,
  arrearsRun,
  checkCollectingOrg,
  checkPayment,
  checkProviderVerdict,
  checkReversal,
  checkSpecialDues,
  checkWarningsConfirmed,
  duesRulesInForce,
  type Fen,
  type LedgerFact,
  monthBalances,
  monthOf,
  monthStart,
  type PaymentMethod,
  paidByMonth,
} from '../../../domain/dues/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { canAt, found, loadForChange, requirePermission, scopeFor, subtreeIn } from '../../access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { enforce, ruleViolation } from '../../errors.ts';
import type { PaymentProvider } from '../../payments/index.ts';
import { chargesOf, refreshCharges } from '../dues/index.ts';
import { lapseCaseState } from '../lapse-cases/index.ts';
import {
  type ChargeRow,
  type DuesMember,
  type EntryRow,
  entriesByIds,
  entriesOfMember,
  findDuesMember,
  findEntryInScope,
  findMemberOfPerson,
  findOrgPath,
  insertEntries,
  isReversed,
  LIST_LIMIT,
  listEntries,
  orgNames,
  storedRuleSets,
} from './dues-ledger.repo.ts';
import { audited, entryView, mayManage, monthView } from './dues-ledger.views.ts';

/**
 * The dues ledger (实缴, docs/dues.md §4, §9): payments month by month, reversals and 特殊党费 — dues.manage over the
 * member (or, for a 流动党员, over the org that collected it), every write audited in its transaction — and the reads
 * of a member's months (dues.read; the member's own, member.self).
 */
const fact = (e: EntryRow): LedgerFact => ({
  id: e.id,
  kind: e.kind,
  month: e.month,
  amount: e.amount,
  reversesId: e.reversesId,
});

/** A receipt shared by the entries of one payment: the day and a random part. */
const newReceipt = (today: IsoDate) =>
  `${today.replaceAll('-', '')}-${randomUUID().slice(0, 8).toUpperCase()}`;

/**
 * The member's charges, every month (the charges module's rows, docs/dues.md §8), with the name of the branch owed
 * to and the kind of an approved reduction (an amount of 0 is 免交).
 */
async function chargesOfMember(ctx: Pick<Ctx, 'db' | 'today'>, memberId: number): Promise<ChargeRow[]> {
  const rows = await chargesOf(ctx.db, [memberId], '1949-10', addMonths(monthOf(ctx.today), 36));
  const names = await orgNames(ctx.db, [...new Set(rows.map((r) => r.branchId))]);
  return rows.map((r) => ({
    month: r.month,
    orgId: r.branchId,
    orgName: names.get(r.branchId) ?? '',
    category: r.category,
    base: r.base,
    rateBp: r.rateBp,
    fullAmount: r.fullAmount,
    amount: r.amount,
    reductionKind: r.reductionId === null ? null : r.amount === 0 ? 'exempt' : 'reduce',
    ruleVersion: r.ruleVersion,
  }));
}

type Collecting = { readonly id: number; readonly path: string } | null;

/**
 * The member, locked, in the scope of dues.manage — over their org, or over the org that collected a 流动党员's
 * dues (404 outside both, 403 without the permission) — and where the money was collected.
 */
async function openMember(tx: Ctx, memberId: number, collectingOrgId: number | null | undefined) {
  const collecting: Collecting =
    collectingOrgId == null ? null : found(await findOrgPath(tx.db, collectingOrgId), '收缴党组织');
  const loaded = await loadForChange(tx, {
    permission: 'dues.manage',
    load: (scope) =>
      findDuesMember(tx.db, scope, memberId, { lock: true, collectedAt: collecting?.path ?? null }),
    at: (m: DuesMember) =>
      collecting === null || canAt(tx, 'dues.manage', m.orgPath) ? m.orgPath : collecting.path,
    what: '党员',
  });
  const m = loaded.row;
  const atHome = collecting === null || collecting.id === m.branchId || collecting.id === m.orgId;
  enforce(checkCollectingOrg({ isMobile: m.isMobile, atHomeBranch: atHome }));
  return { ...loaded, collectingOrgId: atHome ? m.branchId : (collecting as { id: number }).id };
}

/** Method `external`: the provider confirms the reference for the amount (docs/dues.md §9); the day it was paid. */
async function verified(
  payments: PaymentProvider | undefined,
  method: PaymentMethod,
  ref: string | null,
  amount: Fen,
  paidOn: IsoDate,
): Promise<IsoDate> {
  if (method !== 'external') return paidOn;
  const verdict = payments ? await payments.verify(ref ?? '', amount) : null;
  enforce(checkProviderVerdict(verdict));
  return verdict?.ok ? verdict.paidOn : paidOn;
}

/** `POST /api/dues/payments`: one entry per month paid, sharing a receipt (docs/dues.md §4, §9). Audited. */
export async function recordPayment(
  ctx: Ctx,
  input: z.output<typeof PaymentBody>,
  payments: PaymentProvider | undefined,
): Promise<z.infer<typeof PaymentResult>> {
  // The charges brought up to date first (in a transaction of their own), as every read of them is.
  await refreshCharges(ctx.db, ctx.today);
  return inTransaction(ctx, async (tx) => {
    const { row: m, role, collectingOrgId } = await openMember(tx, input.memberId, input.collectingOrgId);
    const charges = await chargesOfMember(tx, m.id);
    const entries = await entriesOfMember(tx.db, m.id);
    const rules = duesRulesInForce(await storedRuleSets(tx.db), tx.today);
    const decided = checkPayment(
      {
        today: tx.today,
        admittedOn: m.admittedOn,
        charges: new Map(charges.map((c) => [c.month, c.amount])),
        paid: paidByMonth(entries.map(fact)),
        rules,
      },
      {
        lines: input.months.map((l) => ({ month: l.month, amount: l.amount ?? null })),
        paidOn: input.paidOn,
        prepaymentConsentBy: input.prepaymentConsentBy,
      },
    );
    if (!decided.ok) throw ruleViolation(decided);
    const { lines, warnings } = decided.payment;
    enforce(checkWarningsConfirmed(warnings, input.confirm));
    const total = lines.reduce((s, l) => s + l.amount, 0);
    const paidOn = await verified(payments, input.method, input.externalRef, total, input.paidOn);
    const receipt = newReceipt(tx.today);
    const ids = await insertEntries(
      tx.db,
      lines.map((l) => ({
        memberId: m.id,
        kind: 'payment' as const,
        month: monthStart(l.month),
        amount: l.amount,
        paidOn,
        method: input.method,
        externalRef: input.externalRef,
        orgId: collectingOrgId,
        paidBy: input.paidBy,
        prepaymentConsentBy: lines.some((x) => x.month > monthOf(tx.today))
          ? input.prepaymentConsentBy
          : null,
        receipt,
        recordedBy: tx.audit.actorId,
      })),
    );
    const saved = await entriesByIds(tx.db, ids);
    const first = saved[0] as EntryRow;
    await recordAudit(tx, {
      action: 'dues_payment.record',
      entityType: 'dues_ledger_entry',
      entityId: first.id,
      orgId: m.orgId,
      role,
      after: {
        ...audited(first),
        months: saved.map((e) => ({ id: e.id, month: e.month, amount: e.amount })),
        total,
        ...(payments && input.method === 'external' ? { provider: payments.name } : {}),
        ...(warnings.length > 0 ? { confirmed: warnings.map((w) => w.reason) } : {}),
      },
    });
    return { receipt, entries: saved.map((e) => entryView(tx, e)), warnings: [...warnings] };
  });
}

/** `POST /api/dues/payments/:entryId/reverse`: 冲正 of one entry, once, with its reason (docs/dues.md §9). Audited. */
export async function reverseEntry(
  ctx: Ctx,
  input: z.output<typeof ReverseBody> & { entryId: number },
): Promise<z.infer<typeof LedgerEntryList>['items'][number]> {
  return inTransaction(ctx, async (tx) => {
    const { row: e, role } = await loadForChange(tx, {
      permission: 'dues.manage',
      load: (scope) => findEntryInScope(tx.db, scope, input.entryId, true),
      at: (row: EntryRow) => (canAt(tx, 'dues.manage', row.memberOrgPath) ? row.memberOrgPath : row.orgPath),
      what: '党费交纳记录',
    });
    enforce(checkReversal(fact(e), await isReversed(tx.db, e.id), input.reason));
    const [id] = await insertEntries(tx.db, [
      {
        memberId: e.memberId,
        kind: 'reversal',
        month: e.month === null ? null : monthStart(e.month),
        amount: -e.amount,
        paidOn: tx.today,
        method: e.method,
        externalRef: e.externalRef,
        orgId: e.orgId,
        paidBy: e.paidBy,
        receipt: e.receipt,
        reversesId: e.id,
        reason: input.reason,
        toCentre: e.toCentre,
        recordedBy: tx.audit.actorId,
      },
    ]);
    const [saved] = await entriesByIds(tx.db, [id as number]);
    const reversal = found(saved);
    await recordAudit(tx, {
      action: 'dues_payment.reverse',
      entityType: 'dues_ledger_entry',
      entityId: reversal.id,
      orgId: e.orgId,
      role,
      before: audited(e),
      after: audited(reversal),
    });
    return entryView(tx, reversal);
  });
}

/** `POST /api/dues/special`: a voluntary 特殊党费, no month; 1,000 元 or more goes to the centre (第十一条). Audited. */
export async function recordSpecialDues(
  ctx: Ctx,
  input: z.output<typeof SpecialDuesBody>,
  payments: PaymentProvider | undefined,
): Promise<z.infer<typeof LedgerEntryList>['items'][number]> {
  return inTransaction(ctx, async (tx) => {
    const { row: m, role, collectingOrgId } = await openMember(tx, input.memberId, input.collectingOrgId);
    const rules = duesRulesInForce(await storedRuleSets(tx.db), tx.today);
    const decided = checkSpecialDues({ amount: input.amount, paidOn: input.paidOn }, tx.today, rules);
    if (!decided.ok) throw ruleViolation(decided);
    const paidOn = await verified(payments, input.method, input.externalRef, input.amount, input.paidOn);
    const [id] = await insertEntries(tx.db, [
      {
        memberId: m.id,
        kind: 'special_dues',
        month: null,
        amount: input.amount,
        paidOn,
        method: input.method,
        externalRef: input.externalRef,
        orgId: collectingOrgId,
        paidBy: input.paidBy,
        receipt: newReceipt(tx.today),
        toCentre: decided.toCentre,
        recordedBy: tx.audit.actorId,
      },
    ]);
    const saved = found((await entriesByIds(tx.db, [id as number]))[0]);
    await recordAudit(tx, {
      action: 'dues_special.record',
      entityType: 'dues_ledger_entry',
      entityId: saved.id,
      orgId: m.orgId,
      role,
      after: audited(saved),
    });
    return entryView(tx, saved);
  });
}

/** `GET /api/dues/payments`: the entries of a member or of an org's subtree in the scope of dues.read. */
export async function listPayments(
  ctx: Ctx,
  query: z.output<typeof PaymentListQuery>,
): Promise<z.infer<typeof LedgerEntryList>> {
  const scope = scopeFor(ctx, 'dues.read');
  if (query.memberId !== undefined) found(await findDuesMember(ctx.db, scope, query.memberId), '党员');
  const subtree = await subtreeIn(ctx, scope, query.orgId, '党组织');
  const rows = await listEntries(ctx.db, scope, {
    memberId: query.memberId,
    subtree: subtree?.roots[0],
    month: query.month,
    kind: query.kind,
  });
  return {
    items: rows.slice(0, LIST_LIMIT).map((r) => entryView(ctx, r)),
    truncated: rows.length > LIST_LIMIT,
  };
}

/**
 * A member's months (docs/dues.md §5, §8, §9): from `from` (12 months back by default) to the current month, and every
 * earlier month still owing; each with 应缴, 实缴, 欠缴 and why; the arrears and their warning; the entries.
 */
async function memberDues(
  ctx: Ctx,
  m: DuesMember,
  from: string | undefined,
  options: { showBase: boolean; canPay: boolean },
): Promise<MemberDuesView> {
  const current = monthOf(ctx.today);
  const start = from ?? addMonths(current, -11);
  await refreshCharges(ctx.db, ctx.today);
  const charges = await chargesOfMember(ctx, m.id);
  const entries = await entriesOfMember(ctx.db, m.id);
  const byMonth = new Map<string, ChargeRow>(charges.map((c) => [c.month, c]));
  const balances = monthBalances(new Map(charges.map((c) => [c.month, c.amount])), entries.map(fact));
  const charged = balances.map((b) => ({ month: b.month, charged: b.charged, paid: b.paid }));
  const state = (await lapseCaseState(ctx.db, 'dues_arrears', [m.id])).get(m.id);
  const excused = state?.excusedThrough ?? null;
  const owing = arrearsOf(charged, ctx.today);
  const finding = state?.open ? null : arrearsFinding(m, charged, ctx.today, excused);
  return {
    member: {
      id: m.id,
      name: m.name,
      org: { id: m.orgId, name: m.orgName },
      isMobile: m.isMobile,
      admittedOn: m.admittedOn,
    },
    months: balances
      .filter(
        (b) =>
          (b.month >= start && b.month <= current) || (b.month < start && b.balance > 0) || b.month > current,
      )
      .reverse()
      .map((b) => monthView(b, byMonth.get(b.month), options.showBase)),
    arrears: {
      months: [...owing.months],
      total: owing.total,
      run: arrearsRun(charged, ctx.today, excused).length,
      warning: finding?.message ?? null,
    },
    entries: entries.map((e) => entryView(ctx, e)),
    can: { pay: options.canPay },
  };
}

/** `GET /api/members/:id/dues` (dues.read over the member): the base itself is not shown (docs/dues.md §11). */
export async function memberDuesOf(
  ctx: Ctx,
  input: { id: number; from?: string | undefined },
): Promise<MemberDuesView> {
  const m = found(await findDuesMember(ctx.db, scopeFor(ctx, 'dues.read'), input.id), '党员');
  return memberDues(ctx, m, input.from, { showBase: false, canPay: mayManage(ctx, [m.orgPath]) });
}

/** `GET /api/me/dues` (member.self): the member's own months, with their base (their own pay). */
export async function myDues(ctx: Ctx, input: { from?: string | undefined }): Promise<MemberDuesView> {
  requirePermission(ctx, 'member.self');
  const { personId } = ctx.principal.user;
  const m = found(
    personId === null ? undefined : await findMemberOfPerson(ctx.db, personId),
    '本人的党员档案',
  );
  const view = await memberDues(ctx, m, input.from, { showBase: true, canPay: false });
  return { ...view, entries: view.entries.map((e) => ({ ...e, can: { reverse: false } })) };
}
