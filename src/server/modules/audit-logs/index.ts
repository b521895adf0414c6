import type { Module } from '../module.ts';
import { registerAuditLogRoutes } from './audit-logs.routes.ts';

/** The audit-logs module's public file: all that the kernel and other modules may use of it. */
export const auditLogsModule: Module = {
  name: 'audit-logs',
  registerRoutes: (app) => registerAuditLogRoutes(app),
};
