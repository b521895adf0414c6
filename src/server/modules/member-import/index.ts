import type { Module } from '../module.ts';
import { registerMemberImportRoutes } from './member-import.routes.ts';

/** The member-import module's public file: all that the kernel and other modules may use of it. */
export const memberImportModule: Module = {
  name: 'member-import',
  registerRoutes: registerMemberImportRoutes,
};
