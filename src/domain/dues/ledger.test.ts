import { describe, expect, it } from 'vitest';
import {
  checkCollectingOrg,
  checkPayment,
  checkProviderVerdict,
  checkReversal,
  checkSpecialDues,
  checkWarningsConfirmed,
  type LedgerFact,
  monthBalances,
  type PaymentFacts,
  paidByMonth,
} from './ledger.ts';
import { DEFAULT_DUES_RULES } from './rules.ts';

const facts = (over: Partial<PaymentFacts> = {}): PaymentFacts => ({
  today: '2026-06-15',
  admittedOn: '2024-03-10',
  charges: new Map([
    ['2026-04', 4000],
    ['2026-05', 4000],
    ['2026-06', 4000],
  ]),
  paid: new Map([['2026-04', 4000]]),
  rules: DEFAULT_DUES_RULES,
  ...over,
});
const pay = (months: (string | [string, number])[], over: Record<string, unknown> = {}) => ({
  lines: months.map((m) =>
    typeof m === 'string' ? { month: m, amount: null } : { month: m[0], amount: m[1] },
  ),
  paidOn: '2026-06-15',
  prepaymentConsentBy: null,
  ...over,
});
const reasonOf = (d: { ok: boolean; reason?: string }) => (d.ok ? 'ok' : d.reason);

describe('a payment (docs/dues.md §4, §9)', () => {
  it("takes each month's outstanding balance by default, one line per month", () => {
    const d = checkPayment(facts({ paid: new Map([['2026-05', 1000]]) }), pay(['2026-06', '2026-05']));
    expect(d.ok && d.payment).toEqual({
      lines: [
        { month: '2026-05', amount: 3000 },
        { month: '2026-06', amount: 4000 },
      ],
      warnings: [],
    });
  });

  it('refuses a month paid in full, naming it', () => {
    const d = checkPayment(facts(), pay(['2026-04']));
    expect(reasonOf(d)).toBe('dues_month_paid_in_full');
    expect(!d.ok && d.message).toMatch(/^2026年4月的党费已交清/);
  });

  it('refuses a month before admission (第八条), a repeated month, no month, a future day', () => {
    expect(reasonOf(checkPayment(facts(), pay([['2024-02', 100]])))).toBe('dues_payment_before_admission');
    expect(reasonOf(checkPayment(facts({ admittedOn: null }), pay(['2026-05'])))).toBe(
      'dues_payment_before_admission',
    );
    // The month of admission is owed (预备党员 pay from the 支部大会's month).
    expect(reasonOf(checkPayment(facts(), pay([['2024-03', 100]], { prepaymentConsentBy: null })))).toBe(
      'ok',
    );
    expect(reasonOf(checkPayment(facts(), pay(['2026-05', '2026-05'])))).toBe('dues_payment_month_repeated');
    expect(reasonOf(checkPayment(facts(), pay([])))).toBe('dues_payment_no_month');
    expect(reasonOf(checkPayment(facts(), pay(['2026-05'], { paidOn: '2026-06-16' })))).toBe(
      'dues_paid_on_future',
    );
  });

  it('refuses amounts that are not positive whole 分', () => {
    expect(reasonOf(checkPayment(facts(), pay([['2026-05', 0]])))).toBe('dues_payment_amount_invalid');
    expect(reasonOf(checkPayment(facts(), pay([['2026-05', -5]])))).toBe('dues_payment_amount_invalid');
    expect(reasonOf(checkPayment(facts(), pay([['2026-05', 12.5]])))).toBe('dues_payment_amount_invalid');
  });

  it("prepays a month not yet charged at the latest month's amount, only with the branch's consent", () => {
    expect(reasonOf(checkPayment(facts(), pay(['2026-07'])))).toBe('dues_prepayment_without_consent');
    const d = checkPayment(
      facts(),
      pay(['2026-07', '2026-08', '2026-09'], { prepaymentConsentBy: '支委会' }),
    );
    expect(d.ok && d.payment.lines.map((l) => l.amount)).toEqual([4000, 4000, 4000]);
    // A member with no charge at all: the amount must be given.
    expect(reasonOf(checkPayment(facts({ charges: new Map() }), pay(['2026-05'])))).toBe(
      'dues_payment_amount_required',
    );
  });

  it('warns of back payment beyond 6 months behind, prepayment beyond 6 ahead, and paying more than owed', () => {
    // Six months behind the current one (June): December is the sixth, November the seventh.
    const back = checkPayment(facts(), pay([['2025-11', 4000]]));
    expect(back.ok && back.payment.warnings.map((w) => w.reason)).toEqual(['dues_back_payment_long']);
    const six = checkPayment(facts(), pay([['2025-12', 4000]]));
    expect(six.ok && six.payment.warnings).toEqual([]);
    const ahead = checkPayment(
      facts(),
      pay(
        [
          ['2026-12', 4000],
          ['2027-01', 4000],
        ],
        { prepaymentConsentBy: '支委会' },
      ),
    );
    expect(ahead.ok && ahead.payment.warnings.map((w) => w.reason)).toEqual(['dues_prepayment_long']);
    const more = checkPayment(facts(), pay([['2026-05', 40000]]));
    expect(more.ok && more.payment.warnings.map((w) => w.reason)).toEqual(['dues_payment_above_balance']);
  });

  it('accepts warnings only when confirmed', () => {
    const warnings = [{ reason: 'dues_back_payment_long' as const, message: '补缴到2025年11月，超过6个月' }];
    expect(reasonOf(checkWarningsConfirmed(warnings, false))).toBe('dues_payment_needs_confirm');
    expect(reasonOf(checkWarningsConfirmed(warnings, true))).toBe('ok');
    expect(reasonOf(checkWarningsConfirmed([], false))).toBe('ok');
  });

  it('is collected elsewhere only for a 流动党员, and an external one only as the provider confirms it', () => {
    expect(reasonOf(checkCollectingOrg({ isMobile: false, atHomeBranch: false }))).toBe(
      'dues_collecting_org_not_mobile',
    );
    expect(reasonOf(checkCollectingOrg({ isMobile: true, atHomeBranch: false }))).toBe('ok');
    expect(reasonOf(checkCollectingOrg({ isMobile: false, atHomeBranch: true }))).toBe('ok');
    expect(reasonOf(checkProviderVerdict(null))).toBe('dues_payment_not_verified');
    expect(reasonOf(checkProviderVerdict({ ok: false, reason: '查无此交易' }))).toBe(
      'dues_payment_not_verified',
    );
    expect(reasonOf(checkProviderVerdict({ ok: true, paidOn: '2026-06-14' }))).toBe('ok');
  });
});

describe('reversals and 特殊党费 (docs/dues.md §9)', () => {
  const payment: LedgerFact = { id: 1, kind: 'payment', month: '2026-05', amount: 4000, reversesId: null };
  it('reverses one entry once, with a reason, never a reversal', () => {
    expect(reasonOf(checkReversal(payment, false, '金额录错'))).toBe('ok');
    expect(reasonOf(checkReversal(payment, true, '金额录错'))).toBe('dues_entry_already_reversed');
    expect(reasonOf(checkReversal(payment, false, '  '))).toBe('dues_reversal_reason_required');
    const reversal: LedgerFact = { id: 2, kind: 'reversal', month: '2026-05', amount: -4000, reversesId: 1 };
    expect(reasonOf(checkReversal(reversal, false, '再冲'))).toBe('dues_reversal_of_reversal');
  });

  it('goes to the centre from 1,000 元 (第十一条)', () => {
    const at = (amount: number) =>
      checkSpecialDues({ amount, paidOn: '2026-06-01' }, '2026-06-15', DEFAULT_DUES_RULES);
    expect(at(99_999)).toEqual({ ok: true, toCentre: false });
    expect(at(100_000)).toEqual({ ok: true, toCentre: true });
    expect(reasonOf(at(0))).toBe('dues_payment_amount_invalid');
    expect(
      reasonOf(checkSpecialDues({ amount: 100, paidOn: '2026-07-01' }, '2026-06-15', DEFAULT_DUES_RULES)),
    ).toBe('dues_paid_on_future');
  });

  it('balances each month: the charge less its entries, reversals included, 特殊党费 apart', () => {
    const entries: LedgerFact[] = [
      payment,
      { id: 2, kind: 'reversal', month: '2026-05', amount: -4000, reversesId: 1 },
      { id: 3, kind: 'payment', month: '2026-05', amount: 3500, reversesId: null },
      { id: 4, kind: 'special_dues', month: null, amount: 100_000, reversesId: null },
      { id: 5, kind: 'payment', month: '2026-07', amount: 4000, reversesId: null },
    ];
    expect(paidByMonth(entries)).toEqual(
      new Map([
        ['2026-05', 3500],
        ['2026-07', 4000],
      ]),
    );
    expect(monthBalances(new Map([['2026-05', 4000]]), entries)).toEqual([
      { month: '2026-05', charged: 4000, paid: 3500, balance: 500 },
      { month: '2026-07', charged: 0, paid: 4000, balance: -4000 },
    ]);
  });
});
