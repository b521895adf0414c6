import type { Module } from '../module.ts';
import { registerMemberExcelRoutes } from './member-excel.routes.ts';

/**
 * The member-excel module's public file: the roster in Excel — the template, the import and its batches (undo,
 * error workbooks), the export in the template's columns and the 2017 official form.
 */
export const memberExcelModule: Module = {
  name: 'member-excel',
  registerRoutes: registerMemberExcelRoutes,
};

/** Removes expired error workbooks and abandoned upload folders (at start-up and daily, src/server/main.ts). */
export { cleanUpImports } from './import-files.ts';

/** A workbook's rows read within the 导入限制, for another module's import of its own columns (dues bases). */
export { readWorkbookRows } from './import-reader.ts';
/** The template's columns, for the test helpers that build roster workbooks (src/server/testing/fixtures). */
export { type ColumnKey, MEMBER_COLUMNS } from './members.excel.ts';
/** A multipart .xlsx upload received into the private temporary folder (dues bases' import too). */
export { type ReceivedUpload, receiveUpload } from './upload.ts';
