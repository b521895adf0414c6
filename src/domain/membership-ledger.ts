import { LEFT_REASONS, type LeftReason, type MemberStatus } from './member-status.ts';

/**
 * 增减台账 (membership ledger) of an org's subtree over a period, derived from the member events. A member
 * counts (在册) while probationary, full or unreachable and placed inside the subtree; 停止党籍 takes them off
 * the count until restored (条例第二十四条). Every event records the state before and after, so each event
 * moves the count by −1, 0 or +1 for a given subtree; moves between two orgs inside the subtree are internal
 * and move nothing.
 */
export const LEDGER_STATUSES: readonly MemberStatus[] = ['probationary', 'full', 'unreachable'];

/** One group of events that moved the count: their kind, left reason, whether inside the period, direction. */
export type LedgerMove = {
  readonly kind: string;
  readonly leftReason: string | null;
  readonly inPeriod: boolean;
  /** +1 into the count, −1 out of it. */
  readonly sign: 1 | -1;
  readonly count: number;
};

export type Ledger = {
  readonly opening: number;
  readonly increases: {
    readonly registered: number;
    readonly transferredIn: number;
    readonly restored: number;
    readonly other: number;
    readonly total: number;
  };
  readonly decreases: {
    readonly left: Record<LeftReason, number>;
    readonly suspended: number;
    readonly transferredOut: number;
    readonly other: number;
    readonly total: number;
  };
  readonly closing: number;
};

const INCREASE_OF: Record<string, 'registered' | 'transferredIn' | 'restored'> = {
  registered: 'registered',
  org_changed: 'transferredIn',
  restored: 'restored',
};
const DECREASE_OF: Record<string, 'suspended' | 'transferredOut'> = {
  suspended: 'suspended',
  org_changed: 'transferredOut',
  transferred_out: 'transferredOut',
};

function emptyLedger() {
  return {
    opening: 0,
    increases: { registered: 0, transferredIn: 0, restored: 0, other: 0, total: 0 },
    decreases: {
      left: Object.fromEntries(LEFT_REASONS.map((r) => [r, 0])) as Record<LeftReason, number>,
      suspended: 0,
      transferredOut: 0,
      other: 0,
      total: 0,
    },
    closing: 0,
  };
}

function addDecrease(l: ReturnType<typeof emptyLedger>, m: LedgerMove): void {
  if (m.kind === 'left' && (LEFT_REASONS as readonly string[]).includes(m.leftReason ?? '')) {
    l.decreases.left[m.leftReason as LeftReason] += m.count;
  } else {
    l.decreases[DECREASE_OF[m.kind] ?? 'other'] += m.count;
  }
  l.decreases.total += m.count;
}

/** Opening, increases and decreases by kind within the period, closing: opening + increases − decreases. */
export function ledgerFromMoves(moves: readonly LedgerMove[]): Ledger {
  const l = emptyLedger();
  for (const m of moves) {
    if (!m.inPeriod) {
      l.opening += m.sign * m.count;
    } else if (m.sign === 1) {
      l.increases[INCREASE_OF[m.kind] ?? 'other'] += m.count;
      l.increases.total += m.count;
    } else {
      addDecrease(l, m);
    }
  }
  l.closing = l.opening + l.increases.total - l.decreases.total;
  return l;
}
