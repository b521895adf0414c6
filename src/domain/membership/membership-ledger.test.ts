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
  unreachable = false,
) => ({ kind, sign, count, inPeriod, leftReason, unreachable }) satisfies LedgerMove;

describe('ledgerFromMoves (增减台账)', () => {
  it('counts the opening from the moves before the period and classifies those inside it', () => {
    const ledger = ledgerFromMoves([
      move('registered', 1, 10, false),
      move('org_changed', -1, 2, false),
      move('registered', 1, 3),
      move('org_changed', 1, 2),
      move('restored', 1, 1),
      move('died', -1, 1),
      move('left', -1, 2, true, 'removed'),
      move('left', -1, 1, true, 'removed_lapsed', true),
      move('left', -1, 1, true, 'removed_lapsed'),
      move('suspended', -1, 1),
      move('org_changed', -1, 1),
      move('transferred_out', -1, 1),
    ]);
    expect(ledger).toEqual({
      opening: 8,
      increases: {
        registered: 3,
        readmitted: 0,
        restored: 1,
        transferredIn: 2,
        other: 0,
        initialLoad: 0,
        total: 6,
      },
      decreases: {
        left: 4,
        leftBy: {
          withdrawn: 0,
          persuaded: 0,
          removed_refused: 0,
          removed_lapsed: 2,
          expelled: 0,
          not_recognized: 0,
          probation_cancelled: 0,
          removed: 2,
        },
        leftUnreachable: 1,
        suspended: 1,
        died: 1,
        transferredOut: 2,
        other: 0,
        total: 8,
      },
      closing: 6,
    });
  });

  it('keeps a move by a kind that should not cross the 在册 line visible as other, so that the arithmetic holds', () => {
    const ledger = ledgerFromMoves([move('confirmed', 1, 2), move('category_changed', -1, 1)]);
    expect(ledger.increases.other).toBe(2);
    expect(ledger.decreases.other).toBe(1);
    expect(ledger.closing).toBe(1);
  });
});

describe('arrivals (docs/membership.md §8): each in the T1 line of how the member came into the records', () => {
  const arrival = (enteredBy: string | null, count: number) =>
    ({ ...move('registered', 1, count), enteredBy }) satisfies LedgerMove;

  it('puts 建库 under 其他 with its sub-count, 重新入党 under 发展党员 with its own, and the sums still hold', () => {
    const ledger = ledgerFromMoves([
      move('registered', 1, 4, false),
      arrival('admitted', 2),
      arrival('readmitted', 1),
      arrival('transferred_in', 3),
      arrival('restored', 1),
      arrival('initial_load', 5),
      arrival(null, 1),
    ]);
    expect(ledger.increases).toEqual({
      registered: 4,
      readmitted: 1,
      restored: 1,
      transferredIn: 3,
      other: 5,
      initialLoad: 5,
      total: 13,
    });
    expect(ledger.closing).toBe(17);
  });

  it.each([
    ['initial_load', '其他增加（建库）'],
    ['readmitted', '发展党员（重新入党）'],
    ['transferred_in', '转入'],
    ['restored', '恢复党籍'],
    ['admitted', '发展党员'],
    [null, '发展党员'],
  ])('labels an arrival by %s as %s', (enteredBy, expected) => {
    expect(
      ledgerCategoryLabel(ledgerCategoryOf({ kind: 'registered', sign: 1, leftReason: null, enteredBy })),
    ).toBe(expected);
  });
});

describe('ledgerCategoryOf (the column of one 台账 entry)', () => {
  const label = (kind: MemberEventKind, sign: 1 | -1, leftReason: string | null = null) =>
    ledgerCategoryLabel(ledgerCategoryOf({ kind, sign, leftReason }));

  it.each([
    ['registered', 1, null, '发展党员'],
    ['org_changed', 1, null, '转入'],
    ['restored', 1, null, '恢复党籍'],
    ['org_changed', -1, null, '转出'],
    ['transferred_out', -1, null, '转出'],
    ['suspended', -1, null, '停止党籍'],
    ['died', -1, null, '死亡'],
    ['left', -1, 'withdrawn', '出党（退党）'],
    ['left', -1, 'removed_lapsed', '出党（自行脱党除名）'],
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
