import type { z } from 'zod';
import type { ChargeList, GenerateView } from '../../../contracts/dues-charges.ts';
import { checkMonthToGenerate, type MonthKey, monthRange } from '../../../domain/dues/index.ts';
import { found, orgIn, requirePermission, scopeFor, scopeOf } from '../../access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { coversDeployment } from '../../db/scope.ts';
import { enforce, forbidden } from '../../errors.ts';
import {
  type ChargeRow,
  heldMonths,
  lockCharges,
  membersOfSubtree,
  namesOf,
  readChargesOf,
  readChargesOfSubtree,
} from './charges.repo.ts';
import { generateIn, missingChargesOf, refreshCharges } from './charges.service.ts';
import { findMemberInScope } from './reductions.repo.ts';

/** The most rows one list answers (a branch's month is tens; a city's is read through the summary, not here). */
const LIST_LIMIT = 2_000;

type ChargeListView = z.infer<typeof ChargeList>;

function viewsOf(
  rows: readonly ChargeRow[],
  names: { members: Map<number, string>; orgs: Map<number, string> },
): ChargeListView['items'] {
  return rows.map((r) => ({
    member: { id: r.memberId, name: names.members.get(r.memberId) ?? '' },
    month: r.month,
    org: { id: r.branchId, name: names.orgs.get(r.branchId) ?? '' },
    category: r.category,
    fullAmount: r.fullAmount,
    amount: r.amount,
    reduction:
      r.reductionId === null ? null : { id: r.reductionId, kind: r.amount === 0 ? 'exempt' : 'reduce' },
    ruleVersion: r.ruleVersion,
  }));
}

/**
 * `GET /api/dues/charges` (dues.read, scoped): the charges owed to the branches of an org's subtree for a month, or
 * one member's for a range of months, with the months owed that lack a base (未核定基数). Amounts only: never the
 * pay behind a base (docs/dues.md §11). The charges are brought up to date first.
 */
export async function listCharges(
  ctx: Ctx,
  input: {
    orgId?: number | undefined;
    month?: string | undefined;
    memberId?: number | undefined;
    from?: string | undefined;
    to?: string | undefined;
  },
): Promise<ChargeListView> {
  const scope = scopeFor(ctx, 'dues.read');
  let rows: ChargeRow[];
  let months: MonthKey[];
  let memberIds: number[];
  if (input.memberId !== undefined) {
    const member = found(await findMemberInScope(ctx.db, scope, input.memberId), '党员');
    await refreshCharges(ctx.db, ctx.today);
    months = monthRange(input.from ?? '', input.to ?? '');
    rows = await readChargesOf(ctx.db, [member.id], input.from ?? '', input.to ?? '');
    memberIds = [member.id];
  } else {
    const org = await orgIn(ctx, scope, input.orgId ?? 0);
    await refreshCharges(ctx.db, ctx.today);
    months = [input.month ?? ''];
    rows = (await readChargesOfSubtree(ctx.db, org.path, input.month ?? '', LIST_LIMIT)).rows;
    memberIds = await membersOfSubtree(ctx.db, org.path, LIST_LIMIT);
  }
  const held = new Set(await heldMonths(ctx.db));
  const generated = months.filter((m) => held.has(m));
  // Months not generated have no charges, and nothing is missing from them yet. For a subtree, the members placed in
  // it today are looked at (a month owed elsewhere before a transfer is that branch's to list).
  const missing = await missingChargesOf(ctx.db, memberIds, generated);
  const names = await namesOf(
    ctx.db,
    [...new Set([...rows.map((r) => r.memberId), ...missing.map((m) => m.memberId)])],
    [...new Set([...rows.map((r) => r.branchId), ...missing.map((m) => m.branchId)])],
  );
  return {
    items: viewsOf(rows, names),
    missing: missing.map((m) => ({
      member: { id: m.memberId, name: names.members.get(m.memberId) ?? '' },
      month: m.month,
      org: { id: m.branchId, name: names.orgs.get(m.branchId) ?? '' },
    })),
    generated,
  };
}

/**
 * `POST /api/dues/charges/generate` (dues.manage over the whole deployment): a month up to the current one generated
 * for every member on demand — the monthly pass does the current month by itself. Audited.
 */
export async function generateCharges(
  ctx: Ctx,
  input: { month: string },
): Promise<z.infer<typeof GenerateView>> {
  const role = requirePermission(ctx, 'dues.manage');
  const scope = scopeOf(ctx, 'dues.manage');
  if (!(await coversDeployment(ctx.db, scope)))
    throw forbidden('permission_denied', '生成应缴党费须由管理全部党组织的管理员操作');
  enforce(checkMonthToGenerate(input.month, ctx.today));
  return inTransaction(
    ctx,
    async (tx) => {
      await lockCharges(tx.db);
      const outcome = await generateIn(tx.db, input.month, tx.principal.user.id);
      await recordAudit(tx, {
        action: 'dues_charges.generate',
        entityType: 'dues_month',
        entityId: outcome.month,
        role,
        after: { month: outcome.month, charged: outcome.charged, missing: outcome.missing },
      });
      return outcome;
    },
    { retryDeadlocks: true },
  );
}
