import type { z } from 'zod';
import type { AppraisalCaseView, CreateCaseBody, UpdateCaseBody } from '../../../contracts/appraisals.ts';
import { checkCaseChange, checkCaseSteps, checkNewCase } from '../../../domain/org-life/index.ts';
import { found, loadForChange } from '../../access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import type { Scope } from '../../db/scope.ts';
import { enforce } from '../../errors.ts';
import { caseView } from './appraisal-views.ts';
import {
  type CaseRecord,
  deleteCase,
  findCase,
  findRoundInScope,
  insertCase,
  listParticipants,
  type RoundRecord,
  updateCaseAtVersion,
} from './appraisals.repo.ts';

/**
 * The follow-up cases of a 基本合格 or 不合格 grade (docs/organizational-life.md §5.2): recorded by the secretary
 * (org_life.manage over the branch), each step dated, never changing a member's status. Audited.
 */
const WHAT = '处置记录';

function audited(c: Pick<CaseRecord, 'memberId' | 'measure' | 'status' | 'deadlineOn' | 'steps' | 'note'>) {
  return {
    memberId: c.memberId,
    measure: c.measure,
    status: c.status,
    deadlineOn: c.deadlineOn,
    steps: c.steps,
    note: c.note,
  };
}

export async function createAppraisalCase(
  ctx: Ctx,
  input: z.output<typeof CreateCaseBody> & { id: number },
): Promise<AppraisalCaseView> {
  return inTransaction(ctx, async (tx) => {
    const { row: r, role } = await loadForChange(tx, {
      permission: 'org_life.manage',
      load: (scope: Scope) => findRoundInScope(tx.db, scope, input.id, true),
      at: (round) => round.orgPath,
      what: '民主评议',
    });
    const participant = found(
      (await listParticipants(tx.db, [r.id])).find((p) => p.memberId === input.memberId),
      '参评党员',
    );
    enforce(checkNewCase(participant.grade, participant.memberStatus, input.measure));
    const id = await insertCase(tx.db, {
      roundId: r.id,
      memberId: participant.memberId,
      measure: input.measure,
      openedOn: input.openedOn,
      deadlineOn: input.deadlineOn ?? null,
      note: input.note,
      createdBy: tx.audit.actorId,
    });
    const c = found(await findCase(tx.db, id));
    await recordAudit(tx, {
      action: 'appraisal.case_create',
      entityType: 'appraisal_case',
      entityId: id,
      orgId: r.orgId,
      role,
      after: { roundId: r.id, grade: participant.grade, ...audited(c) },
    });
    return caseView(c);
  });
}

/** The case with its round, locked, in the actor's scope of org_life.manage (404 outside it). */
async function lockCase(tx: Ctx, caseId: number, version: number) {
  return loadForChange(tx, {
    permission: 'org_life.manage',
    load: async (scope: Scope): Promise<(CaseRecord & { round: RoundRecord }) | undefined> => {
      const c = await findCase(tx.db, caseId, true);
      const round = c ? await findRoundInScope(tx.db, scope, c.roundId) : undefined;
      return c && round ? { ...c, round } : undefined;
    },
    at: (c) => c.round.orgPath,
    what: WHAT,
    version,
  });
}

export async function updateAppraisalCase(
  ctx: Ctx,
  input: z.output<typeof UpdateCaseBody> & { caseId: number },
): Promise<AppraisalCaseView> {
  return inTransaction(ctx, async (tx) => {
    const { row: c, role } = await lockCase(tx, input.caseId, input.version);
    const steps = input.steps ?? c.steps;
    const next = input.status ?? c.status;
    enforce(checkCaseChange(c.status, next, c.measure, steps));
    enforce(checkCaseSteps(c.measure, steps, tx.today));
    const values = {
      steps,
      status: next,
      ...(input.deadlineOn !== undefined ? { deadlineOn: input.deadlineOn } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
    };
    await updateCaseAtVersion(tx.db, c.id, c.version, values);
    const saved = found(await findCase(tx.db, c.id));
    await recordAudit(tx, {
      action: 'appraisal.case_update',
      entityType: 'appraisal_case',
      entityId: c.id,
      orgId: c.round.orgId,
      role,
      before: audited(c),
      after: audited(saved),
    });
    return caseView(saved);
  });
}

/** Deletes a case entered by mistake: only an open one (a finished case is history). */
export async function deleteAppraisalCase(ctx: Ctx, input: { caseId: number; version: number }) {
  return inTransaction(ctx, async (tx) => {
    const { row: c, role } = await lockCase(tx, input.caseId, input.version);
    enforce(checkCaseChange(c.status, 'withdrawn', c.measure, c.steps));
    await deleteCase(tx.db, c.id);
    await recordAudit(tx, {
      action: 'appraisal.case_delete',
      entityType: 'appraisal_case',
      entityId: c.id,
      orgId: c.round.orgId,
      role,
      before: audited(c),
    });
    return { ok: true as const };
  });
}
