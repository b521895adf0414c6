import { describe, expect, it } from 'vitest';
import { type LedgerMove, ledgerFromMoves } from './membership-ledger.ts';

const move = (kind: string, sign: 1 | -1, count: number, inPeriod = true, leftReason: string | null = null) =>
  ({ kind, sign, count, inPeriod, leftReason }) satisfies LedgerMove;

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

  it('keeps unknown kinds visible as other, so that the arithmetic still holds', () => {
    const ledger = ledgerFromMoves([move('something_new', 1, 2), move('something_else', -1, 1)]);
    expect(ledger.increases.other).toBe(2);
    expect(ledger.decreases.other).toBe(1);
    expect(ledger.closing).toBe(1);
  });
});
