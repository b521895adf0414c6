import type { Fen } from '../../domain/dues/index.ts';
import type { IsoDate } from '../../domain/shared/index.ts';
import type { PaymentProvider } from './provider.ts';

/**
 * A provider that knows the payments given to it (for tests and the demo): a reference verifies when it was given
 * with that amount. Each verification is remembered, so a test can see the provider was asked.
 */
export function fakePaymentProvider(
  payments: Readonly<Record<string, { readonly amount: Fen; readonly paidOn: IsoDate }>> = {},
): PaymentProvider & {
  readonly asked: { ref: string; amount: Fen }[];
  add(ref: string, amount: Fen, paidOn: IsoDate): void;
} {
  const known = new Map(Object.entries(payments));
  const asked: { ref: string; amount: Fen }[] = [];
  return {
    name: '测试支付平台',
    asked,
    add(ref, amount, paidOn) {
      known.set(ref, { amount, paidOn });
    },
    async verify(ref, amount) {
      asked.push({ ref, amount });
      const payment = known.get(ref);
      if (!payment) return { ok: false, reason: '查无此交易' };
      if (payment.amount !== amount) return { ok: false, reason: '交易金额不符' };
      return { ok: true, paidOn: payment.paidOn };
    },
  };
}
