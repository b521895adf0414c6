import type { Module } from '../module.ts';
import { registerUserRoutes } from './users.routes.ts';

/** The users module's public file: all that the kernel and other modules may use of it. */
export const usersModule: Module = {
  name: 'users',
  registerRoutes: (app) => registerUserRoutes(app),
};

/** Who an account is, for the lists of other modules (the importer of a batch). */
export { type AccountName, accountNames } from './account-names.ts';
/** Accounts for members (开通账号): opened and closed by the members module, in its transaction. */
export {
  activeAccountOfPerson,
  activeAccountsOfPersons,
  closeMemberAccounts,
  type MemberAccountOwner,
  moveMemberAccounts,
  type OpenedAccount,
  openMemberAccount,
} from './member-accounts.ts';
/** The recovery command (`npm run admin`): run by the operator of the server, outside 三员分立. */
export {
  COMMAND_LINE_ACTOR,
  RECOVERY_ACTIONS,
  type RecoveryAction,
  RecoveryError,
  type RecoveryResult,
  recoverAccount,
} from './recovery.service.ts';
