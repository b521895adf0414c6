import type { Module } from '../module.ts';
import { transferDeadlinesProducer } from './transfer-deadlines.producer.ts';
import { registerTransferRoutes } from './transfers.routes.ts';

/** The transfers module's public file: all that the kernel and other modules may use of it. */
export const transfersModule: Module = {
  name: 'transfers',
  registerRoutes: (app) => registerTransferRoutes(app),
  todoProducers: [transferDeadlinesProducer],
};
