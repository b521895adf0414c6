import { IdSchema, PageQuery, pageOf } from './common.ts';
import { MemberListQuery } from './members.ts';
import { z } from './zod-zh.ts';

/**
 * The member roster in Excel (issue: member roster §6): the Jiceng template and the 2017
 * 《党员基本信息汇总表》 (docs/official-forms.md §4), read by one importer and written by one exporter.
 */
/**
 * The layouts the importer reads and the exporter writes (closed: import_batches.format is checked by the
 * database), as the roster pages name them.
 */
export const IMPORT_FORMAT_LABELS = {
  template: '本系统模板',
  official_2017: '2017年党员基本信息汇总表',
} as const satisfies Record<string, string>;
export type ImportFormat = keyof typeof IMPORT_FORMAT_LABELS;
export const IMPORT_FORMATS = Object.keys(IMPORT_FORMAT_LABELS) as [ImportFormat, ...ImportFormat[]];
/** What each layout is for, under its name where the user picks one. */
export const IMPORT_FORMAT_NOTES: Record<ImportFormat, string> = {
  template: '与导入模板的列相同，修改后可直接重新导入。',
  official_2017: '《党员基本信息汇总表》（2017）版式，可报送上级或交回索要名册的单位。',
};

/**
 * `valid_rows`: commit the rows without errors; `all_or_nothing`: commit nothing while any row has one (closed:
 * import_batches.mode is checked by the database).
 */
export const IMPORT_MODE_LABELS = {
  valid_rows: '只导入无误的行',
  all_or_nothing: '全部无误才导入',
} as const satisfies Record<string, string>;
export type ImportMode = keyof typeof IMPORT_MODE_LABELS;
export const IMPORT_MODES = Object.keys(IMPORT_MODE_LABELS) as [ImportMode, ...ImportMode[]];
/** What each mode does, under its name where the user picks one. */
export const IMPORT_MODE_NOTES: Record<ImportMode, string> = {
  valid_rows: '有错误的行跳过，修改后可再次导入',
  all_or_nothing: '只要有一行有误，就一行也不导入',
};

/** An import batch: committed, or undone (撤销导入) (closed: import_batches.status is checked by the database). */
export const IMPORT_BATCH_STATUS_LABELS = {
  committed: '已导入',
  undone: '已撤销',
} as const satisfies Record<string, string>;
export type ImportBatchStatus = keyof typeof IMPORT_BATCH_STATUS_LABELS;
export const IMPORT_BATCH_STATUSES = Object.keys(IMPORT_BATCH_STATUS_LABELS) as [
  ImportBatchStatus,
  ...ImportBatchStatus[],
];

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

export const ImportBatchStatusSchema = z.enum(IMPORT_BATCH_STATUSES);

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
  /** The importer's username, and their name as people read it. */
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  undoneBy: z.string().nullable(),
  undoneByName: z.string().nullable(),
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
/**
 * The member list's filter, and the layout. Without a status filter the export holds the branches' current
 * records (ROSTER_STATUSES: 预备, 正式, 失联, 停止党籍); `includeDeparted` adds those who left, died or were
 * transferred out, each with their real status.
 */
export const MemberExportQuery = MemberListQuery.omit({ page: true, pageSize: true }).extend({
  format: z.enum(IMPORT_FORMATS).default('template'),
  includeDeparted: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
  reveal: z.enum(['idNumber']).optional(),
});
export type MemberExportQuery = z.infer<typeof MemberExportQuery>;
