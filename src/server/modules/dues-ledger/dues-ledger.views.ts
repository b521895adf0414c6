import type { z } from 'zod';
import type { ChargeWhyView, DuesMonthView, LedgerEntryView } from '../../../contracts/dues-ledger.ts';
import {
  formatRate,
  formatYuan,
  LEDGER_ENTRY_KIND_LABELS,
  type MonthBalance,
  monthLabel,
  PAYMENT_METHOD_LABELS,
  REDUCTION_KIND_LABELS,
} from '../../../domain/dues/index.ts';
import { MEMBER_CATEGORY_LABELS } from '../../../domain/membership/index.ts';
import { canAt } from '../../access/index.ts';
import type { Ctx } from '../../context.ts';
import type { ChargeRow, EntryRow } from './dues-ledger.repo.ts';

/** Whether the actor may record and reverse the member's dues: dues.manage over the member (or where it was collected). */
export function mayManage(ctx: Ctx, paths: readonly string[]): boolean {
  return paths.some((p) => canAt(ctx, 'dues.manage', p));
}

/** A ledger entry as the API shows it. */
export function entryView(ctx: Ctx, row: EntryRow): LedgerEntryView {
  return {
    id: row.id,
    memberId: row.memberId,
    memberName: row.memberName,
    kind: row.kind,
    kindLabel: LEDGER_ENTRY_KIND_LABELS[row.kind],
    month: row.month,
    amount: row.amount,
    paidOn: row.paidOn,
    method: row.method,
    methodLabel: row.method === null ? null : PAYMENT_METHOD_LABELS[row.method],
    externalRef: row.externalRef,
    collectingOrg: { id: row.orgId, name: row.orgName },
    paidBy: row.paidBy,
    prepaymentConsentBy: row.prepaymentConsentBy,
    receipt: row.receipt,
    reversesId: row.reversesId,
    reversedById: row.reversedById,
    reason: row.reason,
    toCentre: row.toCentre,
    recordedBy: row.recordedBy,
    recordedAt: row.recordedAt,
    can: {
      reverse:
        row.kind !== 'reversal' &&
        row.reversedById === null &&
        mayManage(ctx, [row.memberOrgPath, row.orgPath]),
    },
  };
}

/** What an entry's audit row keeps. */
export function audited(row: EntryRow) {
  return {
    memberId: row.memberId,
    kind: row.kind,
    month: row.month,
    amount: row.amount,
    paidOn: row.paidOn,
    method: row.method,
    externalRef: row.externalRef,
    orgId: row.orgId,
    paidBy: row.paidBy,
    prepaymentConsentBy: row.prepaymentConsentBy,
    receipt: row.receipt,
    reversesId: row.reversesId,
    reason: row.reason,
    toCentre: row.toCentre,
  };
}

/**
 * Why a month's charge is what it is (docs/dues.md §3, §6, §8): the category, the rate and (to the member only, pay
 * being personal data, §11) the base, or the flat amount, and an approved reduction.
 */
export function whyView(charge: ChargeRow, showBase: boolean): z.infer<typeof ChargeWhyView> {
  const categoryLabel = MEMBER_CATEGORY_LABELS[charge.category];
  const full = `${formatYuan(charge.fullAmount)}元`;
  const rule =
    charge.rateBp === null
      ? `${categoryLabel}党员每月定额${full}`
      : showBase && charge.base !== null
        ? `计算基数${formatYuan(charge.base)}元 × ${formatRate(charge.rateBp)} = ${full}`
        : `按计算基数的${formatRate(charge.rateBp)}交纳，每月${full}`;
  const explanation =
    charge.reductionKind === 'exempt'
      ? `经党支部研究、上级党委批准免交（按规定：${rule}）`
      : charge.reductionKind === 'reduce'
        ? `经党支部研究、上级党委批准少交，每月${formatYuan(charge.amount)}元（按规定：${rule}）`
        : rule;
  return {
    category: charge.category,
    categoryLabel,
    base: showBase ? charge.base : null,
    rateBp: charge.rateBp,
    rateLabel: charge.rateBp === null ? '定额' : formatRate(charge.rateBp),
    fullAmount: charge.fullAmount,
    reduction:
      charge.reductionKind === null
        ? null
        : { kind: charge.reductionKind, label: REDUCTION_KIND_LABELS[charge.reductionKind] },
    ruleVersion: charge.ruleVersion,
    explanation,
  };
}

/** A month of the member's dues: 应缴, 实缴, 欠缴 and why. */
export function monthView(
  balance: MonthBalance,
  charge: ChargeRow | undefined,
  showBase: boolean,
): z.infer<typeof DuesMonthView> {
  return {
    month: balance.month,
    label: monthLabel(balance.month),
    org: charge ? { id: charge.orgId, name: charge.orgName } : null,
    charged: charge ? charge.amount : null,
    paid: balance.paid,
    balance: balance.balance,
    why: charge ? whyView(charge, showBase) : null,
  };
}
