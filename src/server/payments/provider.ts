import type { Fen } from '../../domain/dues/index.ts';
import type { IsoDate } from '../../domain/shared/index.ts';

/**
 * A payment provider (docs/dues.md §9): the deployment's bank or WeChat Pay, plugged in through `Deps.payments`.
 * A dues payment by method `external` is written only after the provider confirms its reference for the amount.
 */
export type PaymentVerification =
  | { readonly ok: true; readonly paidOn: IsoDate }
  | { readonly ok: false; readonly reason: string };

export type PaymentProvider = {
  /** Shown in the audit row and the ledger's view: `微信支付`, the bank's name. */
  readonly name: string;
  /** Whether `ref` is a completed payment of exactly `amount` 分, and the day it was made; never throws for a refusal. */
  verify(ref: string, amount: Fen): Promise<PaymentVerification>;
};
