import type { Module } from '../module.ts';
import { registerMemberRoutes } from './members.routes.ts';

/** The members module's public file: all that the kernel and other modules may use of it. */
export const membersModule: Module = {
  name: 'members',
  registerRoutes: (app) => registerMemberRoutes(app),
};
