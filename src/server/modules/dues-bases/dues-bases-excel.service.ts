import type { z } from 'zod';
import type { BaseImportReport } from '../../../contracts/dues-bases.ts';
import { BASE_KINDS_BY_CATEGORY, type MonthKey, monthOf, monthStart } from '../../../domain/dues/index.ts';
import type { UploadLimits } from '../../../domain/shared/index.ts';
import { scopeFor } from '../../access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { readWorkbookRows } from '../member-excel/index.ts';
import { getUploadLimits } from '../settings/index.ts';
import { BASE_SHEET, headerColumns, type ReadLine, readLine, writeBaseWorkbook } from './dues-bases.excel.ts';
import { baseMembers, basesInForce } from './dues-bases.repo.ts';
import {
  type BaseInput,
  baseSheet,
  decideSheetRows,
  type SheetOutcome,
  sheetBranch,
  writeSheetRows,
} from './dues-bases.service.ts';

/**
 * 党费计算基数 in Excel (docs/dues.md §2, §11): the template (the branch's roster prefilled), the export of the
 * bases in force (audited: pay is personal data), and the import with its dry run — every row's result and error
 * in Chinese, nothing written — and its commit, all or nothing. Each needs the pay of the branch visible to the
 * actor (403 otherwise).
 */

const monthOrToday = (ctx: Ctx, month: MonthKey | undefined) => month ?? monthOf(ctx.today);

/** The .xlsx template: the branch's members of the current month, the kind each category takes, no amounts. */
export async function baseTemplate(ctx: Ctx, input: { orgId: number }) {
  const month = monthOf(ctx.today);
  const sheet = await baseSheet(ctx, { orgId: input.orgId, month });
  const lines = sheet.rows
    .filter((r) => r.needsBase)
    .map((r) => ({
      memberId: r.memberId,
      name: r.name,
      orgName: r.orgName,
      category: r.category,
      fromMonth: month,
      base: null,
      dues: null,
    }));
  const bytes = await writeBaseWorkbook(`${sheet.org.name} 党费计算基数（${month}）`, lines);
  return { bytes, filename: `${sheet.org.name}-党费计算基数模板.xlsx` };
}

/** The export of the bases in force in a month (every member of the roster), audited with its count. */
export async function exportBases(ctx: Ctx, input: { orgId: number; month?: MonthKey | undefined }) {
  return inTransaction(ctx, async (tx) => {
    const month = monthOrToday(tx, input.month);
    const { role } = await sheetBranch(tx, input.orgId);
    const sheet = await baseSheet(tx, { orgId: input.orgId, month });
    const lines = sheet.rows.map((r) => ({
      memberId: r.memberId,
      name: r.name,
      orgName: r.orgName,
      category: r.category,
      fromMonth: r.base?.fromMonth ?? month,
      base: r.base,
      dues: r.dues.amount,
    }));
    await recordAudit(tx, {
      action: 'dues_base.export',
      entityType: 'dues_base',
      entityId: null,
      orgId: sheet.org.id,
      role,
      note: { month, count: lines.length },
    });
    const bytes = await writeBaseWorkbook(`${sheet.org.name} 党费计算基数（${month}）`, lines);
    return { bytes, filename: `${sheet.org.name}-党费计算基数-${month}.xlsx` };
  });
}

/**
 * The limits of an upload, after the actor is known to hold dues.base somewhere (nothing is received before); the
 * branch named in the form is checked once it is read (404 outside the scope, 403 when its pay is not visible).
 */
export async function prepareBaseImport(ctx: Ctx): Promise<UploadLimits> {
  scopeFor(ctx, 'dues.base');
  return getUploadLimits(ctx.db);
}

/** The entry lines of the first sheet with our header (the 党费计算基数 sheet first). */
async function readLines(path: string, limits: UploadLimits): Promise<ReadLine[] | null> {
  const bySheet = new Map<string, ReadLine[]>();
  let columns: { sheet: string; map: Map<string, number> } | null = null;
  for await (const r of readWorkbookRows(path, limits)) {
    if (columns === null || columns.sheet !== r.sheet) {
      if (bySheet.has(r.sheet)) continue;
      const map = headerColumns(r.cells);
      if (map && (columns === null || r.sheet === BASE_SHEET)) {
        columns = { sheet: r.sheet, map };
        bySheet.set(r.sheet, []);
      }
      continue;
    }
    bySheet.get(r.sheet)?.push(readLine(r.number, r.cells, columns.map));
  }
  return columns ? (bySheet.get(columns.sheet) ?? []) : null;
}

type Report = z.output<typeof BaseImportReport>;

/**
 * Reads the upload and decides every row (dry run: reports only). Committing writes every row or, when any row
 * has an error, nothing (422 `import_has_errors`, the report in `details.report`); one audit row per base written
 * and one for the import.
 */
export async function importBases(
  ctx: Ctx,
  input: { orgId: number; dryRun: boolean; path: string; fileName: string; limits: UploadLimits },
): Promise<Report> {
  await sheetBranch(ctx, input.orgId);
  const lines = await readLines(input.path, input.limits);
  if (lines === null) {
    throw new AppError('invalid_input', '文件中没有“党费计算基数”表：请使用下载的模板', {
      reason: 'invalid_input',
      issues: [{ path: ['body', 'file'], message: '没有找到“党员编号”“姓名”表头' }],
    });
  }
  return inTransaction(ctx, async (tx) => {
    const { branch, role } = await sheetBranch(tx, input.orgId);
    const entries = lines.filter((l) => l.kind === 'entry');
    const ids = [...new Set(entries.flatMap((l) => (l.memberId === null ? [] : [l.memberId])))];
    const members = new Map((await baseMembers(tx.db, ids, tx.today)).map((m) => [m.id, m]));
    const readable: { line: (typeof entries)[number]; input: BaseInput }[] = [];
    const rows: Report['rows'] = [];
    const refuse = (line: (typeof entries)[number], message: string) =>
      rows.push({
        row: line.row,
        memberId: line.memberId,
        name: line.name,
        result: 'error',
        amount: null,
        message,
        warnings: [],
      });
    for (const line of lines) {
      if (line.kind === 'blank') continue;
      const member = line.memberId === null ? undefined : members.get(line.memberId);
      if (line.problems.length > 0) refuse(line, line.problems.join('；'));
      else if (member && line.name !== '' && line.name !== member.name)
        refuse(line, `姓名“${line.name}”与党员编号${line.memberId}（${member.name}）不符`);
      else {
        const kind = line.baseKind ?? BASE_KINDS_BY_CATEGORY[member?.category ?? 'employed'][0] ?? 'salary';
        readable.push({
          line,
          input: {
            memberId: line.memberId as number,
            fromMonth: line.fromMonth ?? monthOf(tx.today),
            kind,
            items: line.items,
            incomeTax: line.incomeTax,
            note: line.note,
          },
        });
      }
    }
    const decided = await decideSheetRows(
      tx,
      branch,
      readable.map((r) => r.input),
    );
    const inForce = await basesInForce(tx.db, ids, monthStart(monthOf(tx.today)));
    decided.forEach((d: SheetOutcome, i) => {
      const line = (readable[i] as (typeof readable)[number]).line;
      if (!d.decision.ok) {
        refuse(line, d.decision.denial.message);
        return;
      }
      const current = inForce.get(d.decision.member.id);
      const same =
        current !== undefined &&
        current.fromMonth === d.input.fromMonth &&
        current.amount === d.decision.write.amount &&
        current.kind === d.decision.write.kind;
      rows.push({
        row: line.row,
        memberId: d.decision.member.id,
        name: d.decision.member.name,
        result: same ? 'unchanged' : 'ok',
        amount: d.decision.write.amount,
        message: null,
        warnings: d.decision.warnings.map((w) => w.message),
      });
    });
    rows.sort((a, b) => a.row - b.row);
    const errorCount = rows.filter((r) => r.result === 'error').length;
    const report = (savedCount: number): Report => ({
      dryRun: input.dryRun,
      rowCount: rows.length,
      okCount: rows.length - errorCount,
      errorCount,
      savedCount,
      rows,
    });
    if (input.dryRun) return report(0);
    if (errorCount > 0) {
      throw new AppError('rule_violation', `有${errorCount}行存在错误，未导入任何基数`, {
        reason: 'import_has_errors',
        report: report(0),
      });
    }
    const note = { fileName: input.fileName, rows: rows.length };
    const saved = await writeSheetRows(tx, role, decided, 'dues_base.import', note);
    return report(saved.saved);
  });
}
