import type { Module } from '../module.ts';
import { registerUserRoutes } from './users.routes.ts';

/** The users module's public file: all that the kernel and other modules may use of it. */
export const usersModule: Module = {
  name: 'users',
  registerRoutes: (app) => registerUserRoutes(app),
};
