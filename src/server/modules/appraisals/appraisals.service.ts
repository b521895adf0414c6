import type { z } from 'zod';
import type {
  AppraisalListQuery,
  AppraisalView,
  CloseAppraisalBody,
  CreateAppraisalBody,
  ReopenAppraisalBody,
} from '../../../contracts/appraisals.ts';
import {
  type AppraisalPolicy,
  appraisalPolicyOf,
  checkCloseRound,
  checkNewRound,
  checkReopenRound,
  checkRoundOpen,
  isGraded,
  takesPart,
} from '../../../domain/org-life/index.ts';
import { found, loadForChange, scopeFor, subtreeIn } from '../../access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { findOrgRefInScope } from '../../db/org-refs.ts';
import type { Scope } from '../../db/scope.ts';
import { enforce } from '../../errors.ts';
import { getAppraisalTalkSettings } from '../settings/index.ts';
import { auditedRound, roundView, summaryView } from './appraisal-views.ts';
import {
  ballotCounts,
  findRoundInScope,
  insertParticipants,
  insertRound,
  listCases,
  listParticipants,
  listRounds,
  type RoundRecord,
  roundExists,
  updateRoundAtVersion,
} from './appraisals.repo.ts';
import { listBranchMembers } from './branch-roster.repo.ts';

/**
 * 民主评议党员 (docs/organizational-life.md §5.1): rounds read with `org_life.read`, changed with `org_life.manage`
 * over the branch; every change in one transaction with its audit row.
 */
const WHAT = '民主评议';

/** The appraisal rules' policy as configured (CFG: 预备党员 graded, the share of 优秀). */
async function policyOf(db: Ctx['db']): Promise<AppraisalPolicy> {
  return appraisalPolicyOf(await getAppraisalTalkSettings(db));
}

/** The round as the actor sees it, in the scope it was found in. */
export async function loadView(ctx: Ctx, r: RoundRecord): Promise<AppraisalView> {
  const [participants, cases, ballots, policy] = await Promise.all([
    listParticipants(ctx.db, [r.id]),
    listCases(ctx.db, [r.id]),
    ballotCounts(ctx.db, r.id),
    policyOf(ctx.db),
  ]);
  return roundView(ctx, r, participants, ballots, cases, policy);
}

export async function getAppraisal(ctx: Ctx, input: { id: number }): Promise<AppraisalView> {
  const r = found(await findRoundInScope(ctx.db, scopeFor(ctx, 'org_life.read'), input.id), WHAT);
  return loadView(ctx, r);
}

export async function listAppraisals(ctx: Ctx, query: z.output<typeof AppraisalListQuery>) {
  const scope = scopeFor(ctx, 'org_life.read');
  const within = await subtreeIn(ctx, scope, query.orgId);
  const rounds = await listRounds(ctx.db, { scope, within, year: query.year });
  const ids = rounds.map((r) => r.id);
  const [participants, cases, policy] = await Promise.all([
    listParticipants(ctx.db, ids),
    listCases(ctx.db, ids),
    policyOf(ctx.db),
  ]);
  return {
    items: rounds.map((r) =>
      summaryView(
        r,
        participants.filter((p) => p.roundId === r.id),
        cases.filter((c) => c.roundId === r.id),
        policy,
      ),
    ),
  };
}

/**
 * Opens a round for a branch and year (one per year): its participants from the branch's roster — 正式党员 graded,
 * 预备党员 taking part without a grade unless configured (§5.1). Audited.
 */
export async function createAppraisal(
  ctx: Ctx,
  input: z.output<typeof CreateAppraisalBody>,
): Promise<AppraisalView> {
  return inTransaction(ctx, async (tx) => {
    const { row: org, role } = await loadForChange(tx, {
      permission: 'org_life.manage',
      load: (scope) => findOrgRefInScope(tx.db, scope, input.orgId),
      at: (o) => o.path,
      what: '党支部',
    });
    enforce(checkNewRound(org, await roundExists(tx.db, org.id, input.year)));
    const id = await insertRound(tx.db, {
      orgId: org.id,
      year: input.year,
      heldOn: input.heldOn,
      note: input.note,
      createdBy: tx.audit.actorId,
    });
    const policy = await policyOf(tx.db);
    const roster = (await listBranchMembers(tx.db, org.path)).filter((m) => takesPart(m.status));
    await insertParticipants(
      tx.db,
      roster.map((m) => ({
        roundId: id,
        memberId: m.memberId,
        memberStatus: m.status,
        graded: isGraded(m.status, policy),
      })),
    );
    const r = found(await findRoundInScope(tx.db, { roots: [org.path] }, id));
    await recordAudit(tx, {
      action: 'appraisal.create',
      entityType: 'appraisal',
      entityId: id,
      orgId: org.id,
      role,
      after: { ...auditedRound(r), participants: roster.length },
    });
    return loadView(tx, r);
  });
}

/** The opening of a change to a round: 403, 404 out of scope, 409 on a stale version; the row locked. */
export async function lockRound(tx: Ctx, id: number, version: number) {
  return loadForChange(tx, {
    permission: 'org_life.manage',
    load: (scope: Scope) => findRoundInScope(tx.db, scope, id, true),
    at: (r) => r.orgPath,
    what: WHAT,
    version,
  });
}

/** Closes a round: held, and every graded participant graded; the one-third check stays a warning (§5.1). */
export async function closeAppraisal(
  ctx: Ctx,
  input: z.output<typeof CloseAppraisalBody> & { id: number },
): Promise<AppraisalView> {
  return inTransaction(ctx, async (tx) => {
    const { row: r, role } = await lockRound(tx, input.id, input.version);
    const participants = await listParticipants(tx.db, [r.id]);
    enforce(checkRoundOpen(r.status));
    enforce(checkCloseRound(r.heldOn, participants, tx.today));
    await updateRoundAtVersion(tx.db, r.id, r.version, {
      status: 'closed',
      closedAt: tx.at,
      closedBy: tx.audit.actorId,
    });
    const closed = found(await findRoundInScope(tx.db, { roots: [r.orgPath] }, r.id));
    const view = await loadView(tx, closed);
    await recordAudit(tx, {
      action: 'appraisal.close',
      entityType: 'appraisal',
      entityId: r.id,
      orgId: r.orgId,
      role,
      before: { status: r.status },
      after: { status: 'closed', gradeCounts: view.gradeCounts },
      ...(view.warnings.length > 0 ? { note: { warnings: view.warnings.map((w) => w.reason) } } : {}),
    });
    return view;
  });
}

/** Reopens a closed round, with a reason (audited). */
export async function reopenAppraisal(
  ctx: Ctx,
  input: z.output<typeof ReopenAppraisalBody> & { id: number },
): Promise<AppraisalView> {
  return inTransaction(ctx, async (tx) => {
    const { row: r, role } = await lockRound(tx, input.id, input.version);
    enforce(checkReopenRound(r.status));
    await updateRoundAtVersion(tx.db, r.id, r.version, {
      status: 'open',
      closedAt: null,
      closedBy: null,
      reopenReason: input.reason,
    });
    await recordAudit(tx, {
      action: 'appraisal.reopen',
      entityType: 'appraisal',
      entityId: r.id,
      orgId: r.orgId,
      role,
      before: { status: 'closed' },
      after: { status: 'open' },
      note: { reason: input.reason },
    });
    return loadView(tx, found(await findRoundInScope(tx.db, { roots: [r.orgPath] }, r.id)));
  });
}
