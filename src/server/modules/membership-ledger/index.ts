import type { Module } from '../module.ts';
import { registerLedgerRoutes } from './membership-ledger.routes.ts';

/** The membership-ledger module's public file: all that the kernel and other modules may use of it. */
export const membershipLedgerModule: Module = {
  name: 'membership-ledger',
  registerRoutes: (app) => registerLedgerRoutes(app),
};

/** The closed periods (关账), as the members module's guard on every member event reads them (docs/membership.md §8). */
export { closingsForWrite } from './ledger-closings.repo.ts';
