import type { Module } from '../module.ts';
import { arrearsTodosProducer } from './arrears.producer.ts';
import { registerDuesLedgerRoutes } from './dues-ledger.routes.ts';

/**
 * The dues ledger module's public file (实缴, docs/dues.md §4, §5, §9): payments, reversals, 特殊党费, a member's
 * months and arrears, and the arrears to-dos.
 */
export const duesLedgerModule: Module = {
  name: 'dues-ledger',
  registerRoutes: (app, deps) => registerDuesLedgerRoutes(app, deps),
  todoProducers: [arrearsTodosProducer],
};
