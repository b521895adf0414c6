import { PassThrough, type Readable } from 'node:stream';
import type { z } from 'zod';
import type { LedgerEntriesQuery, LedgerEntry, LedgerQuery, LedgerView } from '../../../contracts/ledger.ts';
import { ledgerCategoryLabel, ledgerCategoryOf, ledgerFromMoves } from '../../../domain/membership/index.ts';
import { orgIn, requirePermission, scopeFor } from '../../access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { writeLedgerWorkbook } from './membership-ledger.excel.ts';
import {
  countedAt,
  type LedgerEntryRow,
  ledgerEntries,
  ledgerMoves,
  type Subtree,
  subtreeAt,
} from './membership-ledger.repo.ts';

/**
 * 增减台账 of an org's subtree for a period, derived from the member events (docs/membership.md §8): opening count,
 * increases and decreases by kind, closing count, and the entries behind them. Needs `member.read` over the
 * org (404 outside the scope).
 */
async function ledgerOrg(ctx: Ctx, orgId: number) {
  const scope = scopeFor(ctx, 'member.read');
  const org = await orgIn(ctx, scope, orgId, '党组织');
  return { scope, org, subtree: await subtreeAt(ctx.db, org.path) };
}

type LedgerInput = z.output<typeof LedgerQuery> & { id: number };

/** The T1 lines of the period, with the check line: 期末应有数 from the sums, 期末实有数 counted at its end. */
async function summaryOf(ctx: Ctx, org: { id: number; name: string }, subtree: Subtree, query: LedgerInput) {
  const ledger = ledgerFromMoves(await ledgerMoves(ctx.db, subtree, query.from, query.to));
  const actualClosing = await countedAt(ctx.db, subtree, query.to);
  return {
    orgId: org.id,
    orgName: org.name,
    from: query.from,
    to: query.to,
    ...ledger,
    actualClosing,
    difference: actualClosing - ledger.closing,
  };
}

export async function getLedger(ctx: Ctx, query: LedgerInput): Promise<LedgerView> {
  const { org, subtree } = await ledgerOrg(ctx, query.id);
  return summaryOf(ctx, org, subtree, query);
}

function entryOf(row: LedgerEntryRow): LedgerEntry {
  const category = ledgerCategoryOf(row);
  return {
    eventId: row.eventId,
    effectiveOn: row.effectiveOn,
    countedOn: row.countedOn,
    correctionOf: row.correctionOf,
    memberId: row.memberId,
    name: row.name,
    side: category.side,
    label: ledgerCategoryLabel(category),
    fromOrgName: row.fromOrgName,
    toOrgName: row.toOrgName,
    letterNo: row.letterNo,
    reason: row.reason,
    memberReachable: row.memberReachable,
  };
}

/** 台账明细: the events of the period that moved the count, oldest first, a page at a time. */
export async function listLedgerEntries(
  ctx: Ctx,
  query: z.output<typeof LedgerEntriesQuery> & { id: number },
): Promise<{ items: LedgerEntry[]; total: number }> {
  const { scope, subtree } = await ledgerOrg(ctx, query.id);
  const page = { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
  const { rows, total } = await ledgerEntries(ctx.db, subtree, scope, query, page);
  return { items: rows.map(entryOf), total };
}

/**
 * The 台账 as a workbook (汇总 and 明细 sheets) for the paper register or the level above. It names members,
 * so it is audited like a roster export.
 */
export async function exportLedger(
  ctx: Ctx,
  query: LedgerInput,
): Promise<{ filename: string; stream: Readable }> {
  const role = requirePermission(ctx, 'member.read');
  const { scope, org, subtree } = await ledgerOrg(ctx, query.id);
  const ledger = await summaryOf(ctx, org, subtree, query);
  const { rows } = await ledgerEntries(ctx.db, subtree, scope, query, null);
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, {
      action: 'ledger.export',
      entityType: 'org',
      entityId: org.id,
      orgId: org.id,
      role,
      note: { from: query.from, to: query.to, entryCount: rows.length },
    }),
  );
  const stream = new PassThrough();
  writeLedgerWorkbook(stream, ledger, rows.map(entryOf)).catch((error: unknown) => {
    ctx.log.error({ err: error }, 'ledger export failed');
    stream.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  const period = `${query.from.replaceAll('-', '')}-${query.to.replaceAll('-', '')}`;
  return { filename: `党员增减台账-${org.name}-${period}.xlsx`, stream };
}
