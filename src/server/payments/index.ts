/** Payment providers (docs/dues.md §9): the interface a deployment implements, and a fake for tests. */

export { fakePaymentProvider } from './fake.ts';
export type { PaymentProvider, PaymentVerification } from './provider.ts';
