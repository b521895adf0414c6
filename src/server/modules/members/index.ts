import type { Module } from '../module.ts';
import { memberDeadlinesProducer } from './member-deadlines.producer.ts';
import { registerMemberRoutes } from './members.routes.ts';

/** The members module's public file: all that the kernel and other modules may use of it. */
export const membersModule: Module = {
  name: 'members',
  registerRoutes: (app) => registerMemberRoutes(app),
  todoProducers: [memberDeadlinesProducer],
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
 * New members (checked by the rules first): from the rows of an import, with one audit row for the batch; and the
 * demo city's roster with its history (insertMemberRecords), the one way seed writes member rows.
 */
export {
  findIdHolders,
  insertMemberRecords,
  insertMemberRows,
  insertMembers,
  type LaterChange,
  type MemberWriteCtx,
  type NewMemberRow,
} from './member-writes.ts';
/** What the list's search `q` matches, so that the export filters as the list does. */
export { matchOf } from './members-list.service.ts';
