import type { z } from 'zod';
import type {
  CloseLapseCaseBody,
  LapseCaseListQuery,
  LapseCaseView,
  LapseStepBody,
  MemberLapseCases,
  OpenLapseCaseBody,
} from '../../../contracts/lapse-cases.ts';
import {
  checkCloseLapseCase,
  checkLapseStep,
  checkOpenLapseCase,
  excusedThrough,
  LAPSE_CAUSES,
  LAPSE_FINDING_KIND,
  type LapseCaseStatus,
  type LapseCause,
  lapseRun,
} from '../../../domain/membership/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { canAt, found, loadForChange, scopeFor, subtreeIn } from '../../access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import type { Scope } from '../../db/scope.ts';
import { enforce } from '../../errors.ts';
import { readFindingItems, type TodoReadCtx } from '../../todos/index.ts';
import { audited, caseView } from './lapse-case-views.ts';
import {
  type CaseMember,
  casesOfMembers,
  findCaseInScope,
  findCaseMemberInScope,
  insertCase,
  listCasesInScope,
  updateCaseAtVersion,
} from './lapse-cases.repo.ts';

/**
 * 党章第九条 cases (自行脱党情形, docs/membership.md §6): the branch (member.manage over the member) opens a case from
 * the member's 6-month to-do, records the procedure's steps and closes it with its outcome; whoever reads the member
 * (member.read) reads their cases. Every write audited; the member's status is never changed here.
 */
const WHAT = '自行脱党情形案件';

type Finding = { readonly message: string; readonly date: IsoDate };

/**
 * The member's current 6-month to-do of the cause, as the to-do list holds it today (brought up to date first, as
 * every read of it is): located at the member's 党支部, about the member.
 */
async function currentFinding(ctx: TodoReadCtx, m: CaseMember, cause: LapseCause): Promise<Finding | null> {
  const kind = LAPSE_FINDING_KIND[cause];
  if (kind === null) return null;
  const branch: Scope = { roots: [m.branchPath] };
  const items = await readFindingItems(
    ctx,
    branch,
    { within: m.branchPath, kind },
    { limit: 100_000, offset: 0 },
  );
  const item = items.find(
    (i) => i.org.id === m.branchId && i.finding.subject?.type === 'member' && i.finding.subject.id === m.id,
  );
  return item?.finding.date ? { message: item.finding.message, date: item.finding.date } : null;
}

async function answer(ctx: Ctx, scope: Scope, id: number): Promise<LapseCaseView> {
  return caseView(ctx, found(await findCaseInScope(ctx.db, scope, id), WHAT));
}

export async function openLapseCase(
  ctx: Ctx,
  input: z.output<typeof OpenLapseCaseBody>,
): Promise<LapseCaseView> {
  return inTransaction(ctx, async (tx) => {
    const {
      row: m,
      role,
      scope,
    } = await loadForChange(tx, {
      permission: 'member.manage',
      load: (s) => findCaseMemberInScope(tx.db, s, input.memberId, true),
      at: (member) => member.orgPath,
      what: '党员',
    });
    const finding = await currentFinding(tx, m, input.cause);
    const cases = await casesOfMembers(tx.db, [m.id], input.cause);
    enforce(
      checkOpenLapseCase({
        cause: input.cause,
        hasFinding: finding !== null,
        openCase: cases.some((c) => c.status === 'open'),
      }),
    );
    const run = lapseRun((finding as Finding).date, tx.today);
    const id = await insertCase(tx.db, {
      memberId: m.id,
      orgId: m.branchId,
      cause: input.cause,
      runFrom: run.runFrom,
      runTo: run.runTo,
      openedOn: tx.today,
      openedBy: tx.audit.actorId,
    });
    const saved = found(await findCaseInScope(tx.db, scope, id), WHAT);
    await recordAudit(tx, {
      action: 'lapse_case.open',
      entityType: 'lapse_case',
      entityId: id,
      orgId: m.orgId,
      role,
      after: audited(saved),
    });
    return caseView(tx, saved);
  });
}

/** The case, locked, in the actor's scope of member.manage (404 outside it), at the version read. */
function lockCase(tx: Ctx, id: number, version: number) {
  return loadForChange(tx, {
    permission: 'member.manage',
    load: (scope) => findCaseInScope(tx.db, scope, id, true),
    at: (c) => c.memberOrgPath,
    what: WHAT,
    version,
  });
}

export async function recordLapseStep(
  ctx: Ctx,
  input: z.output<typeof LapseStepBody> & { id: number },
): Promise<LapseCaseView> {
  return inTransaction(ctx, async (tx) => {
    const { row: c, role, scope } = await lockCase(tx, input.id, input.version);
    enforce(checkLapseStep(c, input.key, input.on, tx.today));
    await updateCaseAtVersion(tx.db, c.id, c.version, {
      steps: { ...c.steps, [input.key]: { on: input.on, note: input.note } },
    });
    const saved = found(await findCaseInScope(tx.db, scope, c.id), WHAT);
    await recordAudit(tx, {
      action: 'lapse_case.step',
      entityType: 'lapse_case',
      entityId: c.id,
      orgId: c.memberOrgId,
      role,
      before: audited(c),
      after: audited(saved),
    });
    return caseView(tx, saved);
  });
}

export async function closeLapseCase(
  ctx: Ctx,
  input: z.output<typeof CloseLapseCaseBody> & { id: number },
): Promise<LapseCaseView> {
  return inTransaction(ctx, async (tx) => {
    const { row: c, role, scope } = await lockCase(tx, input.id, input.version);
    const close = { outcome: input.outcome, note: input.note, deadline: input.deadline ?? null };
    enforce(checkCloseLapseCase(c, close, tx.today));
    await updateCaseAtVersion(tx.db, c.id, c.version, {
      status: 'closed',
      outcome: close.outcome,
      outcomeNote: close.note,
      deadline: close.deadline,
      closedOn: tx.today,
      closedBy: tx.audit.actorId,
    });
    const saved = found(await findCaseInScope(tx.db, scope, c.id), WHAT);
    await recordAudit(tx, {
      action: 'lapse_case.close',
      entityType: 'lapse_case',
      entityId: c.id,
      orgId: c.memberOrgId,
      role,
      before: audited(c),
      after: audited(saved),
    });
    return caseView(tx, saved);
  });
}

/** The cases of the members in the actor's read scope (or an org's subtree in it), open first. */
export async function listLapseCases(
  ctx: Ctx,
  query: z.output<typeof LapseCaseListQuery>,
): Promise<{ items: LapseCaseView[] }> {
  const scope = scopeFor(ctx, 'member.read');
  const subtree = await subtreeIn(ctx, scope, query.orgId, '党组织');
  const rows = await listCasesInScope(ctx.db, scope, {
    subtree,
    memberId: query.memberId,
    status: query.status,
    cause: query.cause,
  });
  return { items: rows.map((c) => caseView(ctx, c)) };
}

export async function getLapseCase(ctx: Ctx, input: { id: number }): Promise<LapseCaseView> {
  return answer(ctx, scopeFor(ctx, 'member.read'), input.id);
}

/**
 * The member's page: their cases, and for each cause whether a case may be opened now — the 6-month to-do stands,
 * no case of it is open, and the actor holds member.manage over the member — and why not.
 */
export async function memberLapseCases(ctx: Ctx, input: { id: number }): Promise<MemberLapseCases> {
  const scope = scopeFor(ctx, 'member.read');
  const m = found(await findCaseMemberInScope(ctx.db, scope, input.id), '党员');
  const rows = await listCasesInScope(ctx.db, scope, { subtree: null, memberId: m.id });
  const manage = canAt(ctx, 'member.manage', m.orgPath);
  const causes = [];
  for (const cause of LAPSE_CAUSES) {
    const finding = await currentFinding(ctx, m, cause);
    const decision = checkOpenLapseCase({
      cause,
      hasFinding: finding !== null,
      openCase: rows.some((c) => c.cause === cause && c.status === 'open'),
    });
    causes.push({
      cause,
      finding: finding && { message: finding.message, ...lapseRun(finding.date, ctx.today) },
      canOpen: decision.ok && manage,
      why: !decision.ok ? decision.message : manage ? null : '您没有管理该党员的权限',
    });
  }
  return { items: rows.map((c) => caseView(ctx, c)), causes };
}

/** Per member with a case of the cause: whether one is open, and the last month closed cases excuse. */
export type LapseCaseState = { readonly open: boolean; readonly excusedThrough: string | null };

/**
 * For the to-do producers of the 6-month situations (docs/membership.md §6): a member with an open case gets no
 * to-do of its cause (the branch is handling it), and the months up to `excusedThrough` (a run closed with a valid
 * reason or 限期改正) no longer count. Members without a case of the cause are absent from the map.
 */
export async function lapseCaseState(
  db: Db,
  cause: LapseCause,
  memberIds: readonly number[],
): Promise<Map<number, LapseCaseState>> {
  const rows = await casesOfMembers(db, memberIds, cause);
  const byMember = new Map<
    number,
    { status: LapseCaseStatus; outcome: (typeof rows)[number]['outcome']; runTo: string }[]
  >();
  for (const r of rows) {
    const list = byMember.get(r.memberId) ?? [];
    list.push({ status: r.status, outcome: r.outcome, runTo: r.runTo });
    byMember.set(r.memberId, list);
  }
  return new Map(
    [...byMember].map(([id, cases]) => [
      id,
      { open: cases.some((c) => c.status === 'open'), excusedThrough: excusedThrough(cases) },
    ]),
  );
}
