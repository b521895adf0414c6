/**
 * The dues ledger's vocabularies (docs/dues.md §9). The ledger is append-only (enforced by the database): an entry
 * is a payment for one month, a reversal of one earlier entry (with its reason), or a voluntary 特殊党费 kept apart
 * from ordinary dues (第十一条: 1,000 元 or more goes wholly to the centre).
 */
export const LEDGER_ENTRY_KINDS = ['payment', 'reversal', 'special_dues'] as const;
export type LedgerEntryKind = (typeof LEDGER_ENTRY_KINDS)[number];
export const LEDGER_ENTRY_KIND_LABELS: Record<LedgerEntryKind, string> = {
  payment: '交纳',
  reversal: '冲正',
  special_dues: '特殊党费（自愿一次性交纳）',
};

/** How the money came (docs/dues.md §4): cash, a bank transfer, or a payment provider's reference (WeChat Pay…). */
export const PAYMENT_METHODS = ['cash', 'bank_transfer', 'external'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  cash: '现金',
  bank_transfer: '银行转账',
  external: '线上支付',
};

/** 少交 or 免交 (第七条): the branch's decision, approved by the 党委 one level up. */
export const REDUCTION_KINDS = ['reduce', 'exempt'] as const;
export type ReductionKind = (typeof REDUCTION_KINDS)[number];
export const REDUCTION_KIND_LABELS: Record<ReductionKind, string> = { reduce: '少交', exempt: '免交' };

export const REDUCTION_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type ReductionStatus = (typeof REDUCTION_STATUSES)[number];
export const REDUCTION_STATUS_LABELS: Record<ReductionStatus, string> = {
  pending: '待上级批准',
  approved: '已批准',
  rejected: '未批准',
  withdrawn: '已撤回',
};
