import { randomBytes } from 'node:crypto';
import type {
  ImportIssue,
  MemberImportFields,
  MemberImportReport,
} from '../../../contracts/member-import.ts';
import type { Role } from '../../../domain/access/index.ts';
import { type Actor, can } from '../../../domain/access/index.ts';
import { errorFileExpiry, type UploadLimits } from '../../../domain/shared/index.ts';
import { type AuditContext, recordAudit } from '../../audit/audit.ts';
import type { Db } from '../../db/client.ts';
import type { Scope } from '../../db/scope.ts';
import type { Deps } from '../../deps.ts';
import { requirePermission, scopeOf } from '../../http/access.ts';
import { AppError, conflict } from '../../http/errors.ts';
import { findIdHolders, insertMembers } from '../members/member-writes.ts';
import { getOrgRef } from '../orgs/org-refs.ts';
import { getUploadLimits } from '../settings/settings.service.ts';
import { buildErrorWorkbook } from './error-workbook.ts';
import { sealErrorFile, sweepImportFiles } from './import-files.ts';
import { ImportRun, type ImportRunResult } from './import-run.ts';
import { findOrgsByNameOrCode, insertBatch, saveImportFile } from './member-import.repo.ts';
import type { OrgResolution } from './row-check.ts';

/** An upload saved to a temporary file: the importer reads it twice (check, then the error workbook). */
export type UploadedFile = { readonly path: string; readonly fileName: string };

/** Imports are for those who may record members: 403 otherwise, before the upload is even read. */
export function authorizeImport(actor: Actor, today: string): Role {
  return requirePermission(actor, 'member.manage', today);
}

/** Before an upload is received: the actor may import, and the 导入限制 it is received under. */
export async function prepareUpload(deps: Deps, actor: Actor): Promise<UploadLimits> {
  authorizeImport(actor, deps.clock.today());
  return getUploadLimits(deps.db);
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
async function importTarget(deps: Deps, scope: Scope, orgId: number | undefined) {
  if (orgId !== undefined) {
    const org = await getOrgRef(deps.db, scope, orgId, '党组织');
    return { orgId: org.id, within: { roots: [org.path] } };
  }
  const root = scope.roots[0] as string;
  return { orgId: Number(root.split('.').at(-1)), within: scope };
}

/** The error workbook of a run with bad rows, built from the upload, encrypted, not yet saved. */
async function errorFileOf(
  deps: Deps,
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
    content: sealErrorFile(deps.idCipher, id, content),
    expiresAt: errorFileExpiry(deps.clock.now(), limits),
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

async function commit(
  deps: Deps,
  ctx: AuditContext,
  role: Role,
  file: UploadedFile,
  fields: MemberImportFields,
  run: ImportRunResult,
  orgId: number,
  errorFile: ErrorFile | null,
) {
  const counts = {
    rowCount: run.rowCount,
    importedCount: run.members.length,
    errorCount: run.rowCount - run.validCount,
  };
  try {
    return await deps.db.transaction(async (tx) => {
      const format = run.format ?? 'template';
      const batchId = await insertBatch(tx, {
        orgId,
        fileName: file.fileName.slice(0, 200),
        format,
        mode: fields.mode,
        ...counts,
        createdBy: ctx.actorId,
      });
      const rows = run.members.map((m) => ({ ...m, importBatchId: batchId }));
      const note = { format, mode: fields.mode, ...counts };
      await insertMembers(tx, deps, ctx, rows, {
        auditAction: 'member.import',
        auditOrgId: orgId,
        role,
        note,
      });
      // The error workbook of a committed import belongs to its batch: undoing the batch deletes it.
      await storeErrorFile(tx, errorFile && { ...errorFile, batchId });
      return { id: batchId, importedCount: rows.length };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw conflict('id_number_taken', '导入期间有相同公民身份号码的人员被登记，请重新检查后再导入');
  }
}

/** The holders of these ID numbers, each marked visible when the actor may read them as a member. */
async function idHolders(deps: Deps, actor: Actor, hashes: readonly string[], today: string) {
  const found = await findIdHolders(deps.db, hashes);
  return new Map(
    [...found].map(([hash, h]) => [
      hash,
      { personId: h.personId, visible: h.orgPath !== null && can(actor, 'member.read', h.orgPath, today) },
    ]),
  );
}

/**
 * An import that finds ID numbers held outside the actor's scope has asked, in bulk, whether they exist: one
 * audit row says how many, and which persons (the first `maxIssues`), so that the audit administrator sees it.
 */
async function auditHeldElsewhere(
  deps: Deps,
  ctx: AuditContext,
  role: Role,
  file: UploadedFile,
  run: ImportRunResult,
) {
  if (run.heldElsewhere.count === 0) return;
  await deps.db.transaction((tx) =>
    recordAudit(tx, ctx, {
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
export async function importMembers(
  deps: Deps,
  actor: Actor,
  ctx: AuditContext,
  file: UploadedFile,
  fields: MemberImportFields,
  limits: UploadLimits,
): Promise<MemberImportReport> {
  const today = deps.clock.today();
  const role = authorizeImport(actor, today);
  const target = await importTarget(deps, scopeOf(actor, 'member.manage', today), fields.orgId);
  await sweepImportFiles(deps.db, deps.clock.now());
  const run = await new ImportRun({
    path: file.path,
    today,
    resolveOrg: orgResolver(deps.db, target.within),
    findExisting: (hashes) => idHolders(deps, actor, hashes, today),
    hash: (id) => deps.idCipher.hash(id),
    collect: !fields.dryRun,
    limits,
  }).run();
  await auditHeldElsewhere(deps, ctx, role, file, run);
  if (run.format === null) throw NO_DATA_SHEET;
  const hasErrorRows = run.validCount < run.rowCount;
  const owner = { orgId: target.orgId, userId: actor.userId };
  const errorFile = hasErrorRows ? await errorFileOf(deps, file, run, limits, owner) : null;
  const report = (batch: { id: number; importedCount: number } | null) =>
    reportOf(run, fields, limits, errorFile, batch);
  if (!fields.dryRun && fields.mode === 'all_or_nothing' && (hasErrorRows || run.errorTotal > 0)) {
    await storeErrorFile(deps.db, errorFile);
    const refused = report(null);
    const message = `有${refused.errorCount}行存在错误，按“全部无误才导入”未导入任何数据`;
    throw new AppError('rule_violation', message, { reason: 'import_has_errors', report: refused });
  }
  if (fields.dryRun || run.members.length === 0) {
    await storeErrorFile(deps.db, errorFile);
    return report(null);
  }
  return report(await commit(deps, ctx, role, file, fields, run, target.orgId, errorFile));
}
