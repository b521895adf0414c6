import { describe, expect, it } from 'vitest';
import { bookEvent, checkClosing, checkReopening, isPeriodEnd, periodLabel } from './ledger-periods.ts';

const closed = [
  { periodEnd: '2025-06-30', closedOn: '2025-07-10' },
  { periodEnd: '2025-12-31', closedOn: '2026-01-10' },
];

describe('reported periods (docs/membership.md §8)', () => {
  it('end on 06-30 (the half-year) or 12-31 (the year)', () => {
    expect(isPeriodEnd('2025-06-30')).toBe(true);
    expect(isPeriodEnd('2025-12-31')).toBe(true);
    expect(isPeriodEnd('2025-09-30')).toBe(false);
    expect(periodLabel('2025-12-31')).toBe('2025年度');
    expect(periodLabel('2026-06-30')).toBe('2026年上半年');
  });

  it('may be closed once ended, not before, not twice, and only on a period end', () => {
    expect(checkClosing('2025-12-31', [], '2026-01-01').ok).toBe(true);
    expect(checkClosing('2026-06-30', closed, '2026-07-01').ok).toBe(true);
    expect(checkClosing('2026-06-30', closed, '2026-06-30')).toMatchObject({
      reason: 'ledger_period_not_ended',
    });
    expect(checkClosing('2026-03-31', closed, '2026-07-01')).toMatchObject({
      reason: 'ledger_period_end_invalid',
    });
    expect(checkClosing('2025-12-31', closed, '2026-07-01')).toMatchObject({
      reason: 'ledger_period_already_closed',
    });
    expect(checkClosing('2024-12-31', closed, '2026-07-01')).toMatchObject({
      reason: 'ledger_period_already_closed',
    });
  });

  it('reopens only the latest closing', () => {
    expect(checkReopening('2025-12-31', closed).ok).toBe(true);
    expect(checkReopening('2025-06-30', closed)).toMatchObject({ reason: 'ledger_reopen_not_latest' });
    expect(checkReopening('2024-12-31', closed)).toMatchObject({ reason: 'ledger_period_not_closed' });
  });
});

describe('bookEvent: the day the 增减台账 counts an event on', () => {
  it('counts an event on its day when nothing is closed, but never before the member arrived', () => {
    expect(
      bookEvent({ countedOn: '2025-03-01', enteredOn: '2024-01-01' }, [], 'refuse', '2026-02-01'),
    ).toEqual({
      ok: true,
      countedOn: '2025-03-01',
    });
    expect(
      bookEvent({ countedOn: '2025-03-01', enteredOn: '2026-01-15' }, closed, 'refuse', '2026-02-01'),
    ).toEqual({
      ok: true,
      countedOn: '2026-01-15',
    });
  });

  it('refuses, under `refuse`, an event inside a closed period, naming the period and the day it was closed', () => {
    const booking = bookEvent({ countedOn: '2025-11-20', enteredOn: null }, closed, 'refuse', '2026-02-01');
    expect(booking).toMatchObject({
      ok: false,
      reason: 'ledger_period_closed',
      message: '2025年度台账已关账（2026-01-10 关账），不能再改动该期数字',
    });
    expect(
      bookEvent({ countedOn: '2025-05-20', enteredOn: null }, closed, 'refuse', '2026-02-01'),
    ).toMatchObject({
      message: '2025年上半年台账已关账（2025-07-10 关账），不能再改动该期数字',
    });
  });

  it('books it today as a correction under `correct_in_current`, keeping the day it would have been counted on', () => {
    expect(
      bookEvent({ countedOn: '2025-11-20', enteredOn: null }, closed, 'correct_in_current', '2026-02-01'),
    ).toEqual({ ok: true, countedOn: '2026-02-01', correctionOf: '2025-11-20' });
  });
});
