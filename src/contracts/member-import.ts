import { IdSchema, PageQuery, pageOf } from './common.ts';
import { MemberListQuery } from './members.ts';
import { z } from './zod-zh.ts';

/**
 * The member roster in Excel (issue: member roster §6): the Jiceng template and the 2017
 * 《党员基本信息汇总表》 (docs/official-forms.md §4), read by one importer and written by one exporter.
 */
export const IMPORT_FORMATS = ['template', 'official_2017'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const IMPORT_FORMAT_LABELS: Record<ImportFormat, string> = {
  template: '基层党员信息模板',
  official_2017: '党员基本信息汇总表（2017）',
};

/** `valid_rows`: commit the rows without errors; `all_or_nothing`: commit nothing while any row has one. */
export const IMPORT_MODES = ['valid_rows', 'all_or_nothing'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** The form fields sent with the file (multipart/form-data; every field is text). */
export const MemberImportFields = z.object({
  /** The subtree the rows must fall in (in the actor's scope); the actor's scope by default. */
  orgId: IdSchema.optional(),
  /** `true` (the default) checks and reports only; `false` commits. */
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  mode: z.enum(IMPORT_MODES).default('valid_rows'),
});
export type MemberImportFields = z.infer<typeof MemberImportFields>;

/** One problem, placed by sheet, Excel row number and column header. ID and phone numbers are masked. */
export const ImportIssue = z.object({
  sheet: z.string(),
  row: z.number().int(),
  /** The column's header as the file names it; null for a problem of the whole row or sheet. */
  column: z.string().nullable(),
  value: z.string().nullable(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof ImportIssue>;

export const ImportSheet = z.object({
  name: z.string(),
  /** The layout recognized from the header; null for a sheet that holds no members (code lists, 说明). */
  format: z.enum(IMPORT_FORMATS).nullable(),
  /** Data rows read (empty rows, the 示例 row and the 注 footnote are not counted). */
  rowCount: z.number().int(),
  skipped: z.boolean(),
});
export type ImportSheet = z.infer<typeof ImportSheet>;

export const MemberImportReport = z.object({
  dryRun: z.boolean(),
  mode: z.enum(IMPORT_MODES),
  /** The layout of the first sheet with members. */
  format: z.enum(IMPORT_FORMATS),
  sheets: z.array(ImportSheet),
  rowCount: z.number().int(),
  /** Rows without errors (committed when not a dry run, unless all-or-nothing found errors). */
  validCount: z.number().int(),
  /** Rows with at least one error. */
  errorCount: z.number().int(),
  /** All errors, of every row and column, counted exactly (`errors` may show fewer, see `truncated`). */
  issueCount: z.number().int(),
  /** The first errors found, at most `issueLimit`; the error workbook holds the rows of these. */
  errors: z.array(ImportIssue),
  /** Notes that did not refuse the row: a year-and-month date, a derived category, a 15-digit ID. */
  warnings: z.array(ImportIssue),
  warningCount: z.number().int(),
  /** True when `errors` or `warnings` list fewer than there are. */
  truncated: z.boolean(),
  /** How many errors (and warnings) are kept per file (导入限制, set by the 系统管理员). */
  issueLimit: z.number().int(),
  /** The rows with errors, as uploaded, with a 错误说明 column: GET /api/member-imports/error-files/{id}. */
  errorFileId: z.string().nullable(),
  errorFileExpiresAt: z.string().nullable(),
  /** The committed batch (POST /api/import-batches/{id}/undo removes it). */
  batchId: z.number().int().nullable(),
  importedCount: z.number().int(),
});
export type MemberImportReport = z.infer<typeof MemberImportReport>;

export const ImportBatchStatusSchema = z.enum(['committed', 'undone']);

export const ImportBatchView = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  fileName: z.string(),
  format: z.enum(IMPORT_FORMATS),
  mode: z.enum(IMPORT_MODES),
  rowCount: z.number().int(),
  importedCount: z.number().int(),
  errorCount: z.number().int(),
  status: ImportBatchStatusSchema,
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  undoneBy: z.string().nullable(),
  undoneAt: z.string().nullable(),
});
export type ImportBatchView = z.infer<typeof ImportBatchView>;
export const ImportBatchPage = pageOf(ImportBatchView);

export const ImportBatchQuery = PageQuery.extend({
  /** Batches imported under this org's subtree (must be in scope). */
  orgId: IdSchema.optional(),
  status: ImportBatchStatusSchema.optional(),
});

export const ImportBatchUndoResult = z.object({
  batch: ImportBatchView,
  removedMembers: z.number().int(),
  removedPersons: z.number().int(),
});

/** The 导入限制 an importer works within (the settings themselves are the 系统管理员's). */
export const ImportLimitsView = z.object({
  maxFileMb: z.number().int(),
  maxRows: z.number().int(),
  maxColumns: z.number().int(),
  maxIssues: z.number().int(),
  errorFileHours: z.number().int(),
});
export type ImportLimitsView = z.infer<typeof ImportLimitsView>;

export const ErrorFileParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) });

/** The member list's filter, plus the layout and an optional reveal (org_admin only; audited). */
export const MemberExportQuery = MemberListQuery.omit({ page: true, pageSize: true }).extend({
  format: z.enum(IMPORT_FORMATS).default('template'),
  reveal: z.enum(['idNumber']).optional(),
});
export type MemberExportQuery = z.infer<typeof MemberExportQuery>;
