import type { z } from 'zod';
import type { AuditAction } from '../../../contracts/audit.ts';
import type { CreatePostBody, EndPostBody, UpdatePostBody } from '../../../contracts/orgs.ts';
import type { Actor } from '../../../domain/access/index.ts';
import {
  checkLeaving,
  checkNewPost,
  checkOrgOpen,
  checkPostEdit,
  checkPostTerm,
  defaultTermEnd,
} from '../../../domain/org/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { type AuditContext, recordAudit } from '../../audit/audit.ts';
import type { Db } from '../../db/client.ts';
import type { Scope } from '../../db/scope.ts';
import type { Deps } from '../../deps.ts';
import { requireAt, requirePermission, scopeOf } from '../../http/access.ts';
import { enforce, notFound, staleVersion } from '../../http/errors.ts';
import { getTermPolicy } from '../settings/settings.service.ts';
import {
  findPostInScope,
  insertPost,
  listPostsOfOrgs,
  type PostRow,
  updatePostVersioned,
} from './leadership.repo.ts';
import { getOrgRef } from './org-refs.ts';
import { leadershipView, leadershipViews } from './org-views.ts';
import { findOrgInScope } from './orgs.repo.ts';
import { readScope } from './orgs.service.ts';

type CreateInput = z.output<typeof CreatePostBody>;
type UpdateInput = z.output<typeof UpdatePostBody>;
type EndInput = z.output<typeof EndPostBody>;

const POST_RECORD = '任职记录';

/** The `leadership.manage` scope; 403 when the actor may record posts nowhere. */
function leadershipScope(actor: Actor, today: IsoDate): Scope {
  requirePermission(actor, 'leadership.manage', today);
  return scopeOf(actor, 'leadership.manage', today);
}

function audited(row: PostRow) {
  const { id: _id, orgId: _orgId, version: _version, createdAt: _createdAt, ...fields } = row;
  return fields;
}

export async function listLeadership(deps: Deps, actor: Actor, orgId: number) {
  const today = deps.clock.today();
  const org = await getOrgRef(deps.db, readScope(actor, today), orgId);
  return leadershipViews(await listPostsOfOrgs(deps.db, [org.id]), today);
}

/**
 * Records a new post holder. The term ends by default after the org's term length (党章第三十一条; CFG);
 * one 书记 (or 党小组长) at a time (checkNewPost); the term within the limits (checkPostTerm).
 */
export async function createPost(
  deps: Deps,
  actor: Actor,
  ctx: AuditContext,
  orgId: number,
  input: CreateInput,
) {
  const today = deps.clock.today();
  const scope = leadershipScope(actor, today);
  return deps.db.transaction(async (tx) => {
    // The org row is locked so that two holders of one post cannot be recorded at once.
    const org = await findOrgInScope(tx, scope, orgId, true);
    if (!org) throw notFound('组织');
    const role = requireAt(actor, 'leadership.manage', org.path, today, '组织');
    enforce(checkOrgOpen(org));
    enforce(checkNewPost(org.kind, input.post, input.startedOn, await listPostsOfOrgs(tx, [org.id])));
    const policy = await getTermPolicy(tx);
    const endsOn = input.endsOn ?? defaultTermEnd(input.startedOn, org.kind, org.sector, policy);
    enforce(checkPostTerm(input.startedOn, endsOn, input.extensionDocNo));
    const row = await insertPost(tx, {
      orgId: org.id,
      post: input.post,
      holderName: input.holderName,
      startedOn: input.startedOn,
      endsOn,
      extensionDocNo: input.extensionDocNo,
      createdAt: ctx.at,
    });
    await recordAudit(tx, ctx, {
      action: 'leadership.create',
      entityType: 'leadership_post',
      entityId: row.id,
      orgId: org.id,
      role,
      after: audited(row),
    });
    return leadershipView(row, today);
  });
}

/** The post and its org, locked, in the actor's scope; with the role that authorizes the change. */
async function loadPostForChange(
  tx: Db,
  actor: Actor,
  scope: Scope,
  id: number,
  version: number,
  today: IsoDate,
) {
  const found = await findPostInScope(tx, scope, id, true);
  if (!found) throw notFound(POST_RECORD);
  const role = requireAt(actor, 'leadership.manage', found.org.path, today, POST_RECORD);
  if (found.post.version !== version) throw staleVersion();
  return { ...found, role };
}

async function saveChange(
  tx: Db,
  ctx: AuditContext,
  change: { action: AuditAction; role: string; before: PostRow; set: Partial<PostRow> },
) {
  const { action, role, before, set } = change;
  const row = await updatePostVersioned(tx, before.id, before.version, set);
  if (!row) throw staleVersion();
  await recordAudit(tx, ctx, {
    action,
    entityType: 'leadership_post',
    entityId: row.id,
    orgId: row.orgId,
    role,
    before: audited(before),
    after: audited(row),
  });
  return row;
}

/** Corrects a recorded post; the result must still satisfy the rules (checkPostEdit). */
export async function updatePost(
  deps: Deps,
  actor: Actor,
  ctx: AuditContext,
  id: number,
  input: UpdateInput,
) {
  const today = deps.clock.today();
  const scope = leadershipScope(actor, today);
  return deps.db.transaction(async (tx) => {
    const { post, role } = await loadPostForChange(tx, actor, scope, id, input.version, today);
    const set = {
      holderName: input.holderName ?? post.holderName,
      startedOn: input.startedOn ?? post.startedOn,
      endsOn: input.endsOn ?? post.endsOn,
      extensionDocNo: input.extensionDocNo === undefined ? post.extensionDocNo : input.extensionDocNo,
    };
    const others = (await listPostsOfOrgs(tx, [post.orgId])).filter((p) => p.id !== id);
    enforce(checkPostEdit({ ...post, ...set }, others));
    return leadershipView(
      await saveChange(tx, ctx, { action: 'leadership.update', role, before: post, set }),
      today,
    );
  });
}

/** Records that the holder left the post (离任) on a day, with the reason; the row stays as history. */
export async function endPost(deps: Deps, actor: Actor, ctx: AuditContext, id: number, input: EndInput) {
  const today = deps.clock.today();
  const scope = leadershipScope(actor, today);
  return deps.db.transaction(async (tx) => {
    const { post, role } = await loadPostForChange(tx, actor, scope, id, input.version, today);
    enforce(checkLeaving(post, input.leftOn));
    const set = { leftOn: input.leftOn, leftReason: input.leftReason };
    return leadershipView(
      await saveChange(tx, ctx, { action: 'leadership.end', role, before: post, set }),
      today,
    );
  });
}
