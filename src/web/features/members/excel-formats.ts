import {
  IMPORT_FORMAT_LABELS,
  IMPORT_FORMAT_NOTES,
  IMPORT_FORMATS,
} from '../../../contracts/member-import.ts';

/** The two layouts the importer reads and the exporter writes, as the roster pages name them. */
export const EXCEL_FORMATS = IMPORT_FORMATS;
export const EXCEL_FORMAT_LABELS = IMPORT_FORMAT_LABELS;
export const EXCEL_FORMAT_NOTES = IMPORT_FORMAT_NOTES;
