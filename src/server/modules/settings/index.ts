import type { Module } from '../module.ts';
import { registerSettingsRoutes } from './settings.routes.ts';

/** The settings module's public file: all that the kernel and other modules may use of it. */
export const settingsModule: Module = {
  name: 'settings',
  registerRoutes: (app) => registerSettingsRoutes(app),
};

/** The configured policies (CFG) other modules decide by, read in the caller's database or transaction. */
export {
  ensureIdKeyFingerprint,
  getAppraisalTalkSettings,
  getClosedPeriodPolicy,
  getMemberAccountPolicy,
  getOrgLifeSettings,
  getSecurityPolicy,
  getTermPolicy,
  getTransferPolicy,
  getUploadLimits,
} from './settings.service.ts';
