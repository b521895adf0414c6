import { PassThrough, type Readable } from 'node:stream';
import type { z } from 'zod';
import type {
  CollectionFiguresView,
  DuesPublicationView,
  DuesSheetRow,
  DuesSheetView,
  DuesStatisticsView,
  DuesSummaryView,
} from '../../../contracts/dues-summary.ts';
import {
  addCollection,
  type CollectionFigures,
  collectionOf,
  collectionRateBp,
  isMonthKey,
  type MemberMonth,
  type MonthKey,
  memberMonthStatus,
  monthLabel,
  monthRange,
  NO_COLLECTION,
  REDUCTION_KIND_LABELS,
  specialDuesFigures,
} from '../../../domain/dues/index.ts';
import { canAt, orgIn, requirePermission, scopeFor } from '../../access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import type { OrgRef } from '../../db/org-refs.ts';
import { missingChargesOf, refreshCharges } from '../dues/index.ts';
import { writeDuesSheet } from './dues-sheet.excel.ts';
import {
  childrenOf,
  memberYearCounts,
  placedMembers,
  type SheetEntryRow,
  sheetCharges,
  sheetEntries,
  specialDuesOf,
} from './dues-summary.repo.ts';
import { subtreeFigures } from './rollup.repo.ts';
import { keepDuesRollupCurrent } from './rollup.service.ts';

type Figures = z.infer<typeof CollectionFiguresView>;
const view = (f: CollectionFigures): Figures => ({ ...f, rateBp: collectionRateBp(f) });
const orgView = (o: Pick<OrgRef, 'id' | 'name' | 'kind'>) => ({ id: o.id, name: o.name, kind: o.kind });
const yearMonths = (year: number): MonthKey[] => monthRange(`${year}-01`, `${year}-12`);

/**
 * Reads the org in the scope of dues.read (403 without it, 404 outside), the charges brought up to date (the dues
 * module's refresh, in a transaction of its own) and then the roll-up (whose marks the charges' refresh may add).
 */
async function openOrg(ctx: Ctx, id: number, rollup = true): Promise<OrgRef> {
  const org = await orgIn(ctx, scopeFor(ctx, 'dues.read'), id, '党组织');
  await refreshCharges(ctx.db, ctx.today);
  if (rollup) await keepDuesRollupCurrent(ctx);
  return org;
}

/**
 * `GET /api/orgs/:id/dues-summary?period=` (docs/dues.md §10): the subtree's collection for a month or a year
 * (the sum of its months), each direct child's subtree for the drill-down, and the months one by one — all from
 * the roll-up's subtree totals, so the city root reads as few rows as a branch.
 */
export async function duesSummary(
  ctx: Ctx,
  input: { id: number; period: string },
): Promise<z.infer<typeof DuesSummaryView>> {
  const org = await openOrg(ctx, input.id);
  const months = isMonthKey(input.period) ? [input.period] : yearMonths(Number(input.period));
  const kids = await childrenOf(ctx.db, org.id);
  const sums = await subtreeFigures(ctx.db, [org.id, ...kids.map((k) => k.id)], months);
  const byOrg = new Map<number, CollectionFigures>();
  const ownByMonth = new Map<MonthKey, CollectionFigures>();
  for (const s of sums) {
    byOrg.set(s.orgId, addCollection(byOrg.get(s.orgId) ?? NO_COLLECTION, s.figures));
    if (s.orgId === org.id) ownByMonth.set(s.month, s.figures);
  }
  return {
    org: orgView(org),
    period: input.period,
    periodLabel: isMonthKey(input.period) ? monthLabel(input.period) : `${input.period}年`,
    figures: view(byOrg.get(org.id) ?? NO_COLLECTION),
    children: kids
      .filter((k) => !k.dissolved || (byOrg.get(k.id)?.members ?? 0) > 0)
      .map((k) => ({ org: k, figures: view(byOrg.get(k.id) ?? NO_COLLECTION) })),
    months: months.map((month) => ({
      month,
      label: monthLabel(month),
      figures: view(ownByMonth.get(month) ?? NO_COLLECTION),
    })),
  };
}

/** The sheet's 备注: 少交/免交, late, paid by someone else, paid elsewhere, corrected. */
function notesOf(
  reduction: z.infer<typeof DuesSheetRow>['reduction'],
  late: boolean,
  entries: readonly SheetEntryRow[],
  branchId: number,
): string {
  const notes: string[] = [];
  if (reduction) notes.push(`${REDUCTION_KIND_LABELS[reduction]}（已批准）`);
  if (late) notes.push('逾期交纳');
  for (const by of new Set(entries.flatMap((e) => (e.paid_by ? [e.paid_by] : [])))) notes.push(`${by}代缴`);
  for (const where of new Set(entries.filter((e) => e.org_id !== branchId).map((e) => e.org_name)))
    notes.push(`在${where}交纳`);
  if (entries.some((e) => e.kind === 'reversal')) notes.push('有冲正');
  return notes.join('；');
}

/**
 * `GET /api/orgs/:id/dues-sheet?month=` (docs/dues.md §10): the branch's monthly collection sheet — per member
 * charged 应缴 / 实缴 / 欠缴, the last payment's method and day, notes — and 合计, each row judged by the domain's
 * one definition (src/domain/dues/collection.ts) over the member's ledger entries for the month.
 */
export async function duesSheet(
  ctx: Ctx,
  input: { id: number; month: string },
): Promise<z.infer<typeof DuesSheetView>> {
  const org = await openOrg(ctx, input.id, false);
  const charges = await sheetCharges(ctx.db, org.id, input.month);
  const entries = await sheetEntries(
    ctx.db,
    charges.map((c) => c.member_id),
    input.month,
  );
  const byMember = new Map<number, SheetEntryRow[]>();
  for (const e of entries) byMember.set(e.member_id, [...(byMember.get(e.member_id) ?? []), e]);
  const months: MemberMonth[] = [];
  const rows = charges.map((c): z.infer<typeof DuesSheetRow> => {
    const own = byMember.get(c.member_id) ?? [];
    const m: MemberMonth = {
      month: input.month,
      amount: c.amount,
      reduced: c.reduction_kind !== null,
      entries: own.map((e) => ({ amount: e.amount, paidOn: e.counts_on })),
    };
    months.push(m);
    const s = memberMonthStatus(m);
    const last = own.filter((e) => e.kind === 'payment' && !e.reversed).at(-1);
    return {
      memberId: c.member_id,
      name: c.name,
      category: c.category,
      fullAmount: c.full_amount,
      charged: s.charged,
      reduction: c.reduction_kind,
      paid: s.paid,
      owed: s.owed,
      paidInFull: s.paidInFull,
      onTime: s.onTime,
      method: last?.method ?? null,
      paidOn: last?.paid_on ?? null,
      notes: notesOf(c.reduction_kind, s.paidInFull && !s.onTime && s.charged > 0, own, org.id),
    };
  });
  const charged = new Set(charges.map((c) => c.member_id));
  const placed = (await placedMembers(ctx.db, org.id)).filter((p) => !charged.has(p.id));
  const names = new Map(placed.map((p) => [p.id, p.name]));
  const missing = (
    await missingChargesOf(
      ctx.db,
      placed.map((p) => p.id),
      [input.month],
    )
  )
    .filter((x) => x.branchId === org.id)
    .map((x) => ({ memberId: x.memberId, name: names.get(x.memberId) ?? '', category: x.category }));
  return {
    org: orgView(org),
    month: input.month,
    monthLabel: monthLabel(input.month),
    rows,
    missing,
    totals: view(collectionOf(months)),
    canRecord: canAt(ctx, 'dues.manage', org.path),
  };
}

/**
 * The sheet as a workbook for the paper record or the level above. It names members and what they paid, so it is
 * audited like the other exports.
 */
export async function exportDuesSheet(
  ctx: Ctx,
  input: { id: number; month: string },
): Promise<{ filename: string; stream: Readable }> {
  const role = requirePermission(ctx, 'dues.read');
  const sheet = await duesSheet(ctx, input);
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, {
      action: 'dues_sheet.export',
      entityType: 'org',
      entityId: sheet.org.id,
      orgId: sheet.org.id,
      role,
      note: { month: input.month, memberCount: sheet.rows.length },
    }),
  );
  const stream = new PassThrough();
  writeDuesSheet(stream, sheet).catch((error: unknown) => {
    ctx.log.error({ err: error }, 'dues sheet export failed');
    stream.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return { filename: `党费收缴表-${sheet.org.name}-${input.month}.xlsx`, stream };
}

/**
 * `GET /api/orgs/:id/dues-publication?year=` (docs/dues.md §4, §10): the yearly publication of the subtree —
 * month by month 应缴 / 实缴 / 缴纳率 and the year's — with 特殊党费 kept apart.
 */
export async function duesPublication(
  ctx: Ctx,
  input: { id: number; year: number },
): Promise<z.infer<typeof DuesPublicationView>> {
  const org = await openOrg(ctx, input.id);
  const months = yearMonths(input.year);
  const byMonth = new Map(
    (await subtreeFigures(ctx.db, [org.id], months)).map((s) => [s.month, s.figures] as const),
  );
  const total = months.reduce((t, m) => addCollection(t, byMonth.get(m) ?? NO_COLLECTION), NO_COLLECTION);
  return {
    org: orgView(org),
    year: input.year,
    months: months.map((month) => {
      const f = byMonth.get(month) ?? NO_COLLECTION;
      return {
        month,
        label: monthLabel(month),
        charged: f.charged,
        paid: f.paid,
        rateBp: collectionRateBp(f),
      };
    }),
    total: { charged: total.charged, paid: total.paid, rateBp: collectionRateBp(total) },
    special: specialDuesFigures(await specialDuesOf(ctx.db, org.path, input.year)),
  };
}

/**
 * `GET /api/orgs/:id/dues-statistics?year=` (docs/dues.md §10): the counts the yearly statistics need over the
 * subtree — distinct members charged, paid on time every month, 少交, 免交 — and 特殊党费 (those going to the centre
 * apart). Computed on request from the charges and the ledger: a member's year is not the sum of branch-months.
 */
export async function duesStatistics(
  ctx: Ctx,
  input: { id: number; year: number },
): Promise<z.infer<typeof DuesStatisticsView>> {
  const org = await openOrg(ctx, input.id, false);
  const counts = await memberYearCounts(ctx.db, org.path, input.year);
  return {
    org: orgView(org),
    year: input.year,
    membersCharged: counts.members,
    membersOnTime: counts.on_time,
    membersReduced: counts.reduced,
    membersExempt: counts.exempt,
    special: specialDuesFigures(await specialDuesOf(ctx.db, org.path, input.year)),
  };
}
