import { randomBytes } from 'node:crypto';
import type {
  ImportIssue,
  MemberImportFields,
  MemberImportReport,
} from '../../../contracts/member-import.ts';
import type { Role } from '../../../domain/access/index.ts';
import { errorFileExpiry, type UploadLimits } from '../../../domain/shared/index.ts';
import { type Acting, canAt, orgIn, requirePermission, scopeOf } from '../../access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import type { Scope } from '../../db/scope.ts';
import { AppError, conflict } from '../../errors.ts';
import { findIdHolders, insertMembers } from '../members/index.ts';
import { getUploadLimits } from '../settings/index.ts';
import { buildErrorWorkbook } from './error-workbook.ts';
import { sealErrorFile, sweepImportFiles } from './import-files.ts';
import { ImportRun, type ImportRunResult } from './import-run.ts';
import { findOrgsByNameOrCode, insertBatch, saveImportFile } from './member-import.repo.ts';
import type { OrgResolution } from './row-check.ts';

/** An upload saved to a temporary file: the importer reads it twice (check, then the error workbook). */
export type UploadedFile = { readonly path: string; readonly fileName: string };

/** Imports are for those who may record members: 403 otherwise, before the upload is even read. */
export function authorizeImport(ctx: Acting): Role {
  return requirePermission(ctx, 'member.manage');
}

/** Before an upload is received: the actor may import, and the 导入限制 it is received under. */
export async function prepareUpload(ctx: Ctx): Promise<UploadLimits> {
  authorizeImport(ctx);
  return getUploadLimits(ctx.db);
}

/** A branch named by full name or 组织代码, looked up once per distinct text, only inside the scope. */
function orgResolver(db: Db, scope: Scope): (text: string) => Promise<OrgResolution> {
  const cache = new Map<string, Promise<OrgResolution>>();
  const resolve = async (text: string): Promise<OrgResolution> => {
    const rows = await findOrgsByNameOrCode(db, scope, text);
    const byCode = rows.find((r) => r.code === text);
    const active = rows.filter((r) => r.dissolvedOn === null);
    const candidates = byCode ? [byCode] : active.length > 0 ? active : rows;
    const [only] = candidates;
    if (!only)
      return { ok: false, message: `未找到党组织“${text}”：请填写导入范围内党支部或党小组的全称或组织代码` };
    if (candidates.length > 1) return { ok: false, message: `有多个党组织名为“${text}”，请改填组织代码` };
    return { ok: true, id: only.id, org: { kind: only.kind, dissolvedOn: only.dissolvedOn } };
  };
  return (text) => {
    let found = cache.get(text);
    if (!found) {
      found = resolve(text);
      cache.set(text, found);
    }
    return found;
  };
}

/** The org the import is filed under: the one chosen, else the actor's (first) scope root. */
async function importTarget(ctx: Ctx, scope: Scope, orgId: number | undefined) {
  if (orgId !== undefined) {
    const org = await orgIn(ctx, scope, orgId, '党组织');
    return { orgId: org.id, within: { roots: [org.path] } };
  }
  const root = scope.roots[0] as string;
  return { orgId: Number(root.split('.').at(-1)), within: scope };
}

/** The error workbook of a run with bad rows, built from the upload, encrypted, not yet saved. */
async function errorFileOf(
  ctx: Ctx,
  file: UploadedFile,
  run: ImportRunResult,
  limits: UploadLimits,
  owner: { orgId: number; userId: number },
) {
  const content = await buildErrorWorkbook(file.path, run.errors, limits);
  const id = randomBytes(18).toString('base64url');
  const base = file.fileName.replace(/\.xlsx$/i, '').slice(0, 80) || '党员导入';
  return {
    id,
    orgId: owner.orgId,
    createdBy: owner.userId,
    fileName: `${base}-错误说明.xlsx`,
    content: sealErrorFile(ctx.idCipher, id, content),
    expiresAt: errorFileExpiry(ctx.at, limits),
  };
}
type ErrorFile = Awaited<ReturnType<typeof errorFileOf>>;

async function storeErrorFile(db: Db, errorFile: (ErrorFile & { batchId?: number }) | null): Promise<void> {
  if (errorFile) await saveImportFile(db, errorFile);
}

function sortedIssues(run: ImportRunResult, issues: readonly ImportIssue[]): ImportIssue[] {
  const order = new Map(run.sheets.map((s, i) => [s.name, i]));
  return [...issues].sort((a, b) => (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0) || a.row - b.row);
}

function reportOf(
  run: ImportRunResult,
  fields: MemberImportFields,
  limits: UploadLimits,
  errorFile: { id: string; expiresAt: Date } | null,
  batch: { id: number; importedCount: number } | null,
): MemberImportReport {
  const errors = sortedIssues(run, run.errors);
  const warnings = sortedIssues(run, run.warnings);
  return {
    dryRun: fields.dryRun,
    mode: fields.mode,
    format: run.format ?? 'template',
    sheets: run.sheets,
    rowCount: run.rowCount,
    validCount: run.validCount,
    errorCount: run.rowCount - run.validCount,
    issueCount: run.errorTotal,
    errors,
    warnings,
    warningCount: run.warningTotal,
    truncated: run.errorTotal > errors.length || run.warningTotal > warnings.length,
    issueLimit: limits.maxIssues,
    errorFileId: errorFile?.id ?? null,
    errorFileExpiresAt: errorFile?.expiresAt.toISOString() ?? null,
    batchId: batch?.id ?? null,
    importedCount: batch?.importedCount ?? 0,
  };
}

const NO_DATA_SHEET = new AppError(
  'rule_violation',
  '未找到党员数据：请使用基层党员信息模板或《党员基本信息汇总表》，表头须包含姓名、公民身份号码等列',
  { reason: 'no_member_sheet' },
);

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/** What a commit files: the upload and its fields, the checked run, the batch's org and the error workbook. */
type Commit = {
  readonly role: Role;
  readonly file: UploadedFile;
  readonly fields: MemberImportFields;
  readonly run: ImportRunResult;
  readonly orgId: number;
  readonly errorFile: ErrorFile | null;
};

async function commit(ctx: Ctx, { role, file, fields, run, orgId, errorFile }: Commit) {
  const counts = {
    rowCount: run.rowCount,
    importedCount: run.members.length,
    errorCount: run.rowCount - run.validCount,
  };
  try {
    return await inTransaction(ctx, async (tx) => {
      const format = run.format ?? 'template';
      const batchId = await insertBatch(tx.db, {
        orgId,
        fileName: file.fileName.slice(0, 200),
        format,
        mode: fields.mode,
        ...counts,
        status: 'committed',
        createdBy: tx.audit.actorId,
      });
      // An import records members who already exist: a 建库 (initial load) arriving on the day of the import, which
      // leaves every earlier period of the 增减台账 as it was (docs/membership.md §8).
      const entry = { by: 'initial_load', on: tx.today } as const;
      const rows = run.members.map((m) => ({ ...m, importBatchId: batchId, entry }));
      const note = { format, mode: fields.mode, ...counts };
      await insertMembers(tx, rows, { auditAction: 'member.import', auditOrgId: orgId, role, note });
      // The error workbook of a committed import belongs to its batch: undoing the batch deletes it.
      await storeErrorFile(tx.db, errorFile && { ...errorFile, batchId });
      return { id: batchId, importedCount: rows.length };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw conflict('id_number_taken', '导入期间有相同公民身份号码的人员被登记，请重新检查后再导入');
  }
}

/** The holders of these ID numbers, each marked visible when the actor may read them as a member. */
async function idHolders(ctx: Ctx, hashes: readonly string[]) {
  const found = await findIdHolders(ctx, hashes);
  return new Map(
    [...found].map(([hash, h]) => [
      hash,
      { personId: h.personId, visible: h.orgPath !== null && canAt(ctx, 'member.read', h.orgPath) },
    ]),
  );
}

/**
 * An import that finds ID numbers held outside the actor's scope has asked, in bulk, whether they exist: one
 * audit row says how many, and which persons (the first `maxIssues`), so that the audit administrator sees it.
 */
async function auditHeldElsewhere(ctx: Ctx, role: Role, file: UploadedFile, run: ImportRunResult) {
  if (run.heldElsewhere.count === 0) return;
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, {
      action: 'member.id_conflict',
      entityType: 'person',
      role,
      note: {
        reason: 'id_number_held_outside_scope',
        via: 'member.import',
        fileName: file.fileName,
        count: run.heldElsewhere.count,
        personIds: run.heldElsewhere.personIds,
      },
    }),
  );
}

/**
 * Checks an uploaded roster and, unless it is a dry run, commits it as one import batch in one transaction:
 * the valid rows (`valid_rows`), or nothing while any row has an error (`all_or_nothing`, answered 422 with
 * the report). Every problem is reported per row and column; the rows with errors come back as a workbook.
 */
/** The upload checked row by row against the rules, the file itself and the database (import-run.ts). */
async function checkUpload(
  ctx: Ctx,
  file: UploadedFile,
  fields: MemberImportFields,
  within: Scope,
  limits: UploadLimits,
) {
  return new ImportRun({
    path: file.path,
    today: ctx.today,
    resolveOrg: orgResolver(ctx.db, within),
    findExisting: (hashes) => idHolders(ctx, hashes),
    hash: (id) => ctx.idCipher.hash(id),
    collect: !fields.dryRun,
    limits,
  }).run();
}

export type ImportInput = {
  readonly file: UploadedFile;
  readonly fields: MemberImportFields;
  /** The 导入限制 the upload was received under (prepareUpload). */
  readonly limits: UploadLimits;
};

export async function importMembers(
  ctx: Ctx,
  { file, fields, limits }: ImportInput,
): Promise<MemberImportReport> {
  const role = authorizeImport(ctx);
  const target = await importTarget(ctx, scopeOf(ctx, 'member.manage'), fields.orgId);
  await sweepImportFiles(ctx.db, ctx.at);
  const run = await checkUpload(ctx, file, fields, target.within, limits);
  await auditHeldElsewhere(ctx, role, file, run);
  if (run.format === null) throw NO_DATA_SHEET;
  const hasErrorRows = run.validCount < run.rowCount;
  const owner = { orgId: target.orgId, userId: ctx.actor.userId };
  const errorFile = hasErrorRows ? await errorFileOf(ctx, file, run, limits, owner) : null;
  const report = (batch: { id: number; importedCount: number } | null) =>
    reportOf(run, fields, limits, errorFile, batch);
  if (!fields.dryRun && fields.mode === 'all_or_nothing' && (hasErrorRows || run.errorTotal > 0)) {
    await storeErrorFile(ctx.db, errorFile);
    const refused = report(null);
    const message = `有${refused.errorCount}行存在错误，按“全部无误才导入”未导入任何数据`;
    throw new AppError('rule_violation', message, { reason: 'import_has_errors', report: refused });
  }
  if (fields.dryRun || run.members.length === 0) {
    await storeErrorFile(ctx.db, errorFile);
    return report(null);
  }
  return report(await commit(ctx, { role, file, fields, run, orgId: target.orgId, errorFile }));
}
