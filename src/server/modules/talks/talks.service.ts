import type { z } from 'zod';
import type { CreateTalkBody, TalkListQuery, TalkView, UpdateTalkBody } from '../../../contracts/talks.ts';
import { checkTalk } from '../../../domain/org-life/index.ts';
import { found, loadForChange, orgIn, scopeFor, subtreeIn } from '../../access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { findOrgRefInScope, type OrgRef } from '../../db/org-refs.ts';
import type { Scope } from '../../db/scope.ts';
import { enforce } from '../../errors.ts';
import { listBranchMembers } from '../appraisals/index.ts';
import { auditedTalk, talkView } from './talk-views.ts';
import {
  bothInBranch,
  deleteTalk,
  findTalkInScope,
  insertTalk,
  listTalks,
  updateTalkAtVersion,
} from './talks.repo.ts';

/**
 * 谈心谈话 (docs/organizational-life.md §5.3; 第十九条): read with `org_life.read`, recorded with `org_life.manage`
 * over the branch; each write checked by the rules and audited in its transaction.
 */
const WHAT = '谈心谈话记录';

export async function getTalk(ctx: Ctx, input: { id: number }): Promise<TalkView> {
  return talkView(ctx, found(await findTalkInScope(ctx.db, scopeFor(ctx, 'org_life.read'), input.id), WHAT));
}

export async function listTalkViews(ctx: Ctx, query: z.output<typeof TalkListQuery>) {
  const scope = scopeFor(ctx, 'org_life.read');
  const within = await subtreeIn(ctx, scope, query.orgId);
  const { rows, total } = await listTalks(ctx.db, {
    scope,
    within,
    year: query.year,
    memberId: query.memberId,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: rows.map((t) => talkView(ctx, t)), total };
}

/** The branch's members a talk may be between (the form's choices). */
export async function talkMembers(ctx: Ctx, input: { orgId: number }) {
  const org = await orgIn(ctx, scopeFor(ctx, 'org_life.read'), input.orgId);
  const roster = await listBranchMembers(ctx.db, org.path);
  return { items: roster.map((m) => ({ memberId: m.memberId, name: m.name })) };
}

type TalkFields = { talkedOn: string; memberId: number; partnerId: number };

async function decide(tx: Ctx, org: OrgRef, t: TalkFields) {
  enforce(
    checkTalk(
      {
        orgKind: org.kind,
        memberId: t.memberId,
        partnerId: t.partnerId,
        bothInBranch: await bothInBranch(tx.db, org.path, [t.memberId, t.partnerId]),
        talkedOn: t.talkedOn,
      },
      tx.today,
    ),
  );
}

export async function createTalk(ctx: Ctx, input: z.output<typeof CreateTalkBody>): Promise<TalkView> {
  return inTransaction(ctx, async (tx) => {
    const { row: org, role } = await loadForChange(tx, {
      permission: 'org_life.manage',
      load: (scope) => findOrgRefInScope(tx.db, scope, input.orgId),
      at: (o) => o.path,
      what: '党支部',
    });
    await decide(tx, org, input);
    const id = await insertTalk(tx.db, {
      orgId: org.id,
      talkedOn: input.talkedOn,
      memberId: input.memberId,
      partnerId: input.partnerId,
      topic: input.topic,
      summary: input.summary,
      createdBy: tx.audit.actorId,
    });
    const t = found(await findTalkInScope(tx.db, { roots: [org.path] }, id));
    await recordAudit(tx, {
      action: 'talk.create',
      entityType: 'talk',
      entityId: id,
      orgId: org.id,
      role,
      after: auditedTalk(t),
    });
    return talkView(tx, t);
  });
}

async function lockTalk(tx: Ctx, id: number, version: number) {
  return loadForChange(tx, {
    permission: 'org_life.manage',
    load: (scope: Scope) => findTalkInScope(tx.db, scope, id, true),
    at: (t) => t.orgPath,
    what: WHAT,
    version,
  });
}

export async function updateTalk(
  ctx: Ctx,
  input: z.output<typeof UpdateTalkBody> & { id: number },
): Promise<TalkView> {
  return inTransaction(ctx, async (tx) => {
    const { row: t, role, scope } = await lockTalk(tx, input.id, input.version);
    const org = found(await findOrgRefInScope(tx.db, scope, t.orgId));
    const next = {
      talkedOn: input.talkedOn ?? t.talkedOn,
      memberId: input.memberId ?? t.memberId,
      partnerId: input.partnerId ?? t.partnerId,
      topic: input.topic ?? t.topic,
      summary: input.summary === undefined ? t.summary : input.summary,
    };
    await decide(tx, org, next);
    await updateTalkAtVersion(tx.db, t.id, t.version, next);
    const saved = found(await findTalkInScope(tx.db, scope, t.id));
    await recordAudit(tx, {
      action: 'talk.update',
      entityType: 'talk',
      entityId: t.id,
      orgId: t.orgId,
      role,
      before: auditedTalk(t),
      after: auditedTalk(saved),
    });
    return talkView(tx, saved);
  });
}

export async function removeTalk(ctx: Ctx, input: { id: number; version: number }) {
  return inTransaction(ctx, async (tx) => {
    const { row: t, role } = await lockTalk(tx, input.id, input.version);
    await deleteTalk(tx.db, t.id);
    await recordAudit(tx, {
      action: 'talk.delete',
      entityType: 'talk',
      entityId: t.id,
      orgId: t.orgId,
      role,
      before: auditedTalk(t),
    });
    return { ok: true as const };
  });
}
