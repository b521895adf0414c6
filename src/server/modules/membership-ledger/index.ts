import type { Module } from '../module.ts';
import { registerLedgerRoutes } from './membership-ledger.routes.ts';

/** The membership-ledger module's public file: all that the kernel and other modules may use of it. */
export const membershipLedgerModule: Module = {
  name: 'membership-ledger',
  registerRoutes: (app) => registerLedgerRoutes(app),
};
