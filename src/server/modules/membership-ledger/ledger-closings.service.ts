import type { z } from 'zod';
import type {
  CloseLedgerPeriodBody,
  LedgerClosingList,
  ReopenLedgerPeriodBody,
} from '../../../contracts/ledger.ts';
import {
  checkClosing,
  checkReopening,
  lastClosedEnd,
  periodLabel,
  periodStart,
} from '../../../domain/membership/index.ts';
import { type Acting, requirePermission, scopeFor, scopeOf } from '../../access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { coversDeployment } from '../../db/scope.ts';
import { conflict, notFound, ruleViolation } from '../../errors.ts';
import { getClosedPeriodPolicy } from '../settings/index.ts';
import { accountNames } from '../users/index.ts';
import {
  type ClosingRow,
  deleteClosing,
  findClosings,
  insertClosing,
  lockClosings,
} from './ledger-closings.repo.ts';

/**
 * 关账 (docs/membership.md §8): a reported period of the 增减台账 closed for the whole deployment once its figures
 * went to the level above. Closing and reopening are the org_admin's at the root org (`ledger.close` over the
 * whole deployment): a secretary holds no `ledger.close` (403), an org_admin of a part of the tree does not reach
 * the root (404). Both are audited.
 */
async function mayClose(ctx: Acting & { db: Db }): Promise<boolean> {
  const scope = scopeOf(ctx, 'ledger.close');
  return scope.roots.length > 0 && (await coversDeployment(ctx.db, scope));
}

async function requireCloser(ctx: Ctx) {
  const role = requirePermission(ctx, 'ledger.close');
  if (!(await mayClose(ctx))) throw notFound('台账期间');
  return role;
}

const closingsOf = (rows: readonly ClosingRow[]) =>
  rows.map((r) => ({ periodEnd: r.periodEnd, closedOn: r.closedOn }));

/** The closed periods, newest first, for whoever may read a 增减台账 (`member.read` anywhere; 403 otherwise). */
export async function listClosings(ctx: Ctx): Promise<LedgerClosingList> {
  scopeFor(ctx, 'member.read');
  const rows = await findClosings(ctx.db);
  const names = await accountNames(
    ctx.db,
    rows.map((r) => r.closedBy),
  );
  return {
    items: rows.map((r) => ({
      periodEnd: r.periodEnd,
      label: periodLabel(r.periodEnd),
      closedOn: r.closedOn,
      closedAt: r.closedAt.toISOString(),
      closedByName: r.closedBy === null ? null : (names.get(r.closedBy)?.name ?? null),
      note: r.note,
    })),
    closedThrough: lastClosedEnd(closingsOf(rows)),
    policy: await getClosedPeriodPolicy(ctx.db),
    canClose: await mayClose(ctx),
  };
}

/** Closes a period that has ended (06-30 or 12-31), after the event writes under way; audited. */
export async function closePeriod(
  ctx: Ctx,
  input: z.output<typeof CloseLedgerPeriodBody>,
): Promise<LedgerClosingList> {
  const role = await requireCloser(ctx);
  await inTransaction(ctx, async (tx) => {
    await lockClosings(tx.db);
    const decision = checkClosing(input.periodEnd, closingsOf(await findClosings(tx.db)), tx.today);
    if (!decision.ok) throw ruleViolation(decision);
    const note = input.note ? input.note : null;
    const at = { periodEnd: input.periodEnd, closedOn: tx.today, closedBy: tx.actor.userId, note, at: tx.at };
    if (!(await insertClosing(tx.db, at))) {
      throw conflict('ledger_period_already_closed', `${periodLabel(input.periodEnd)}已关账`);
    }
    await recordAudit(tx, {
      action: 'ledger.close',
      entityType: 'ledger_period',
      entityId: input.periodEnd,
      role,
      note: {
        period: periodLabel(input.periodEnd),
        from: periodStart(input.periodEnd),
        ...(note ? { note } : {}),
      },
    });
  });
  return listClosings(ctx);
}

/** Reopens the latest closing only, with the reason; audited. */
export async function reopenPeriod(
  ctx: Ctx,
  input: z.output<typeof ReopenLedgerPeriodBody> & { periodEnd: string },
): Promise<LedgerClosingList> {
  const role = await requireCloser(ctx);
  await inTransaction(ctx, async (tx) => {
    await lockClosings(tx.db);
    const rows = await findClosings(tx.db);
    const decision = checkReopening(input.periodEnd, closingsOf(rows));
    if (!decision.ok) throw ruleViolation(decision);
    const closing = rows.find((r) => r.periodEnd === input.periodEnd) as ClosingRow;
    await deleteClosing(tx.db, input.periodEnd);
    await recordAudit(tx, {
      action: 'ledger.reopen',
      entityType: 'ledger_period',
      entityId: input.periodEnd,
      role,
      before: { closedOn: closing.closedOn, closedBy: closing.closedBy, note: closing.note },
      note: { period: periodLabel(input.periodEnd), reason: input.reason },
    });
  });
  return listClosings(ctx);
}
