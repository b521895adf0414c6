import { PassThrough, type Readable } from 'node:stream';
import type { z } from 'zod';
import type { BatchExportBody } from '../../../contracts/member-batch.ts';
import type { MemberExportQuery } from '../../../contracts/member-import.ts';
import { birthDateRange, educationCodesFor, ROSTER_STATUSES } from '../../../domain/membership/index.ts';
import { maskIdNumber, maskPhone } from '../../../domain/people/index.ts';
import { orgIn, requirePermission, scopeOf } from '../../access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import type { Scope } from '../../db/scope.ts';
import { invalidInput } from '../../errors.ts';
import type { IdCipher } from '../../security/crypto.ts';
import {
  countExport,
  type ExportFilter,
  type ExportRow,
  eachExportBatch,
  matchOf,
  resolveSelection,
} from '../members/index.ts';
import { writeTemplateExport } from './member-export.excel.ts';
import { findCommitteeName } from './member-export.repo.ts';
import type { MemberExportRecord } from './member-record.ts';
import { writeOfficialExport } from './official-2017.excel.ts';

/**
 * 导出党员名册: the member list's filter, in the columns the importer reads (one list drives both) or in the
 * 2017 汇总表 layout. ID and phone numbers are masked unless an org_admin asks for them whole
 * (`reveal=idNumber`, permission `member.reveal`); every export is audited with its filter and count.
 */
function educationOf(filter: string | undefined): readonly string[] | null {
  if (!filter) return null;
  const codes = educationCodesFor(filter);
  if (codes) return codes;
  throw invalidInput('学历筛选条件不正确', [
    {
      path: ['querystring', 'education'],
      message: '应为学历代码，或 college_or_above、postgraduate 等学历分组',
    },
  ]);
}

/**
 * Who is exported without a status filter: the branches' current records (ROSTER_STATUSES, the members module's
 * definition: 预备, 正式, 失联 and 停止党籍, the last with 党籍状态 停止党籍 as the 2017 form keeps them), or
 * everyone on record with `includeDeparted` (出党, 去世, 转出, each with their real status).
 */
function statusesOf(q: MemberExportQuery) {
  if (q.status?.length) return q.status;
  return q.includeDeparted ? [] : [...ROSTER_STATUSES];
}

/** The member list's filter, read the same way (the list's own `q` rules: matchOf). */
function filterOf(ctx: Ctx, scope: Scope, within: string | null, q: MemberExportQuery): ExportFilter {
  const { today } = ctx;
  const birth = q.ageBand ? birthDateRange(q.ageBand, today) : { from: null, to: null };
  return {
    scope,
    within,
    statuses: statusesOf(q),
    categories: q.category ?? [],
    gender: q.gender ?? null,
    birthFrom: birth.from,
    birthTo: birth.to,
    educationCodes: educationOf(q.education),
    admittedFrom: q.admittedFrom ?? null,
    admittedTo: q.admittedTo ?? null,
    mobile: q.mobile ?? null,
    hardship: q.hardship ?? null,
    match: matchOf(q.q, ctx.idCipher.hash, today),
  };
}

function recordOf(cipher: IdCipher, row: ExportRow, reveal: boolean): MemberExportRecord {
  const { idNumberEnc, id: _id, ...rest } = row;
  const idNumber = idNumberEnc ? cipher.decrypt(idNumberEnc) : null;
  const mask = <T extends string | null>(value: T, by: (v: string) => string) =>
    value === null || reveal ? value : by(value);
  return {
    ...rest,
    // A date of lost contact kept from before a suspension or a leaving is history, not a current fact
    // (是否为失联党员 and 失去联系日期 agree; docs/official-forms.md §6.3).
    lostContactOn: rest.status === 'unreachable' ? rest.lostContactOn : null,
    idNumber: mask(idNumber, maskIdNumber),
    phoneMobile: mask(rest.phoneMobile, maskPhone),
    phoneLandline: mask(rest.phoneLandline, maskPhone),
  };
}

async function* records(
  ctx: Ctx,
  filter: ExportFilter,
  reveal: boolean,
): AsyncGenerator<MemberExportRecord[]> {
  for await (const page of eachExportBatch(ctx.db, filter)) {
    yield page.map((r) => recordOf(ctx.idCipher, r, reveal));
  }
}

/** The filter as given, for the audit row: an ID number or mobile searched for is not written out. */
function auditedFilter(ctx: Ctx, q: { readonly q?: string | undefined }): Record<string, unknown> {
  const { q: search, ...rest } = q;
  const given = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  const match = matchOf(search, ctx.idCipher.hash, ctx.today);
  if (!match) return given;
  const shown =
    match.by === 'idHash' ? '[公民身份号码]' : match.by === 'mobile' ? maskPhone(match.mobile) : search;
  return { ...given, q: shown };
}

export async function exportMembers(
  ctx: Ctx,
  query: MemberExportQuery,
): Promise<{ filename: string; stream: Readable }> {
  const reveal = query.reveal === 'idNumber';
  const permission = reveal ? 'member.reveal' : 'member.read';
  const role = requirePermission(ctx, permission);
  const scope = scopeOf(ctx, permission);
  const org = query.orgId ? await orgIn(ctx, scope, query.orgId, '党组织') : null;
  const filter = filterOf(ctx, scope, org?.path ?? null, query);
  const memberCount = await countExport(ctx.db, filter);
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, {
      action: 'member.export',
      entityType: 'member',
      orgId: org?.id ?? Number(scope.roots[0]?.split('.').at(-1)),
      role,
      note: { ...auditedFilter(ctx, query), memberCount },
    }),
  );
  return writeExport(ctx, scope, filter, { format: query.format, reveal });
}

/**
 * 导出 a batch's selection (批量操作): exactly the members selected, whatever their status, resolved in the scope
 * of `member.read` (or `member.reveal` for whole numbers; 404 for ids outside it); audited with the selection (the
 * filter as given, or the ids) and the count.
 */
export async function exportSelection(
  ctx: Ctx,
  body: z.output<typeof BatchExportBody>,
): Promise<{ filename: string; stream: Readable }> {
  const reveal = body.reveal === 'idNumber';
  const permission = reveal ? 'member.reveal' : 'member.read';
  const role = requirePermission(ctx, permission);
  const scope = scopeOf(ctx, permission);
  const selected = await resolveSelection(ctx, scope, body.selection);
  const memberIds = selected.map((m) => m.id);
  const filter: ExportFilter = { ...EVERYONE, scope, memberIds };
  const given =
    'filter' in body.selection ? { filter: auditedFilter(ctx, body.selection.filter) } : { memberIds };
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, {
      action: 'member.export',
      entityType: 'member',
      orgId: Number(scope.roots[0]?.split('.').at(-1)),
      role,
      note: { ...given, format: body.format, reveal, memberCount: memberIds.length },
    }),
  );
  return writeExport(ctx, scope, filter, { format: body.format, reveal });
}

/** No condition but the scope and the ids: a selection is exported whatever its members' status. */
const EVERYONE: Omit<ExportFilter, 'scope'> = {
  within: null,
  statuses: [],
  categories: [],
  gender: null,
  birthFrom: null,
  birthTo: null,
  educationCodes: null,
  admittedFrom: null,
  admittedTo: null,
  mobile: null,
  hardship: null,
  match: null,
};

function writeExport(
  ctx: Ctx,
  scope: Scope,
  filter: ExportFilter,
  options: { format: MemberExportQuery['format']; reveal: boolean },
): { filename: string; stream: Readable } {
  const { today } = ctx;
  const { reveal, format } = options;
  const stream = new PassThrough();
  const batches = records(ctx, filter, reveal);
  const committeeOf = async (orgId: number) => (await findCommitteeName(ctx.db, scope, orgId)) ?? '';
  const done =
    format === 'official_2017'
      ? writeOfficialExport(stream, batches, { today, committeeOf })
      : writeTemplateExport(stream, batches);
  done.catch((error: unknown) => {
    ctx.log.error({ err: error }, 'member export failed');
    stream.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  const base = format === 'official_2017' ? '党员基本信息汇总表' : '党员名册';
  return { filename: `${base}-${today.replaceAll('-', '')}.xlsx`, stream };
}
