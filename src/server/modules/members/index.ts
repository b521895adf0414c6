import type { Module } from '../module.ts';
import { departedAccountsProducer } from './departed-accounts.producer.ts';
import { memberDeadlinesProducer } from './member-deadlines.producer.ts';
import { memberDecisionsProducer } from './member-decisions.producer.ts';
import { registerMemberRoutes } from './members.routes.ts';

/** The members module's public file: all that the kernel and other modules may use of it. */
export const membersModule: Module = {
  name: 'members',
  registerRoutes: (app) => registerMemberRoutes(app),
  todoProducers: [memberDeadlinesProducer, departedAccountsProducer, memberDecisionsProducer],
};

/** The members' part of undoing an import batch (撤销导入). */
export { removeImportedMembers } from './imported-members.ts';
/** A member's standing or placement changed by another module's decision (the transfers). */
export {
  lockMemberInScope,
  lockMemberOfTransfer,
  type MemberRecord,
  saveMemberChange,
} from './member-changes.ts';
/** The roster's rows for the Excel export (member-excel): this module owns the members and persons tables. */
export {
  countExport,
  type ExportFilter,
  type ExportMatch,
  type ExportRow,
  eachExportBatch,
} from './member-export-rows.repo.ts';
/**
 * The one resolution of a batch's selection (批量操作: ids or the roster's filter, in the caller's scope) and the
 * all-or-nothing refusal that names the members a batch cannot be done for.
 */
export {
  type BatchRefusal,
  batchRefused,
  resolveSelection,
  type SelectedMember,
  type Selection,
} from './member-selection.ts';
/**
 * New members (checked by the rules first): from the rows of an import, with one audit row for the batch; and the
 * demo city's roster with its history (insertMemberRecords), the one way seed writes member rows.
 */
export {
  findIdHolders,
  insertMemberRecords,
  insertMemberRows,
  insertMembers,
  type LaterChange,
  type MemberEntry,
  type MemberWriteCtx,
  type NewMemberRow,
} from './member-writes.ts';
/** What the list's search `q` matches, so that the export filters as the list does. */
export { matchOf } from './members-list.service.ts';
/** The roster of orgs on a past or future day, from the effective-dated history (应到会 of a meeting). */
export { memberIdOfPerson, memberNames, type RosterMember, rosterOn } from './roster-on.repo.ts';
