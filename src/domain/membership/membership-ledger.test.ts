import { describe, expect, it } from 'vitest';
import type { MemberEventKind } from './member-events.ts';
import {
  type LedgerMove,
  ledgerCategoryLabel,
  ledgerCategoryOf,
  ledgerFromMoves,
} from './membership-ledger.ts';

const move = (
  kind: MemberEventKind,
  sign: 1 | -1,
  count: number,
  inPeriod = true,
  leftReason: string | null = null,
) => ({ kind, sign, count, inPeriod, leftReason }) satisfies LedgerMove;

describe('ledgerFromMoves (增减台账)', () => {
  it('counts the opening from the moves before the period and classifies those inside it', () => {
    const ledger = ledgerFromMoves([
      move('registered', 1, 10, false),
      move('org_changed', -1, 2, false),
      move('registered', 1, 3),
      move('org_changed', 1, 2),
      move('restored', 1, 1),
      move('left', -1, 1, true, 'deceased'),
      move('left', -1, 2, true, 'removed'),
      move('suspended', -1, 1),
      move('org_changed', -1, 1),
      move('transferred_out', -1, 1),
    ]);
    expect(ledger).toEqual({
      opening: 8,
      increases: { registered: 3, transferredIn: 2, restored: 1, other: 0, total: 6 },
      decreases: {
        left: { removed: 2, withdrawn: 0, expelled: 0, deceased: 1, probation_cancelled: 0 },
        suspended: 1,
        transferredOut: 2,
        other: 0,
        total: 6,
      },
      closing: 8,
    });
  });

  it('keeps a move by a kind that should not cross the 在册 line visible as other, so that the arithmetic holds', () => {
    const ledger = ledgerFromMoves([move('confirmed', 1, 2), move('category_changed', -1, 1)]);
    expect(ledger.increases.other).toBe(2);
    expect(ledger.decreases.other).toBe(1);
    expect(ledger.closing).toBe(1);
  });
});

describe('ledgerCategoryOf (the column of one 台账 entry)', () => {
  const label = (kind: MemberEventKind, sign: 1 | -1, leftReason: string | null = null) =>
    ledgerCategoryLabel(ledgerCategoryOf({ kind, sign, leftReason }));

  it.each([
    ['registered', 1, null, '新增党员'],
    ['org_changed', 1, null, '转入'],
    ['restored', 1, null, '恢复党籍'],
    ['org_changed', -1, null, '转出'],
    ['transferred_out', -1, null, '转出'],
    ['suspended', -1, null, '停止党籍'],
    ['left', -1, 'deceased', '出党（死亡）'],
    ['left', -1, 'probation_cancelled', '出党（取消预备党员资格）'],
    ['left', -1, 'unheard_of', '其他减少'],
    ['marked_reachable', 1, null, '其他增加'],
  ] as const)('%s with sign %i (%s) is %s', (kind, sign, leftReason, expected) => {
    expect(label(kind, sign, leftReason)).toBe(expected);
  });

  it('puts an org change on the side of the subtree it crossed', () => {
    expect(ledgerCategoryOf({ kind: 'org_changed', sign: 1, leftReason: null })).toEqual({
      side: 'increase',
      column: 'transferredIn',
    });
    expect(ledgerCategoryOf({ kind: 'org_changed', sign: -1, leftReason: null })).toEqual({
      side: 'decrease',
      column: 'transferredOut',
    });
  });
});
