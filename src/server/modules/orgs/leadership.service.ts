import type { z } from 'zod';
import type { AuditAction } from '../../../contracts/audit.ts';
import type { CreatePostBody, EndPostBody, UpdatePostBody } from '../../../contracts/orgs.ts';
import {
  checkLeaving,
  checkNewPost,
  checkOrgOpen,
  checkPostEdit,
  checkPostTerm,
  defaultTermEnd,
} from '../../../domain/org/index.ts';
import { loadForChange, orgIn, scopeFor } from '../../access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { enforce } from '../../errors.ts';
import { getTermPolicy } from '../settings/index.ts';
import {
  findPostInScope,
  insertPost,
  listPostsOfOrgs,
  type PostRow,
  updatePostAtVersion,
} from './leadership.repo.ts';
import { leadershipView, leadershipViews } from './org-views.ts';
import { findOrgInScope } from './orgs.repo.ts';

type CreateInput = z.output<typeof CreatePostBody>;
type UpdateInput = z.output<typeof UpdatePostBody>;
type EndInput = z.output<typeof EndPostBody>;

const POST_RECORD = '任职记录';

function audited(row: PostRow) {
  const { id: _id, orgId: _orgId, version: _version, createdAt: _createdAt, ...fields } = row;
  return fields;
}

export async function listLeadership(ctx: Ctx, input: { id: number }) {
  const org = await orgIn(ctx, scopeFor(ctx, 'org.read'), input.id);
  return leadershipViews(await listPostsOfOrgs(ctx.db, [org.id]), ctx.today);
}

/**
 * Records a new post holder. The term ends by default after the org's term length (党章第三十一条; CFG);
 * one 书记 (or 党小组长) at a time (checkNewPost); the term within the limits (checkPostTerm).
 */
export async function createPost(ctx: Ctx, input: CreateInput & { id: number }) {
  return inTransaction(ctx, async (tx) => {
    // The org row is locked so that two holders of one post cannot be recorded at once.
    const { row: org, role } = await loadForChange(tx, {
      permission: 'leadership.manage',
      load: (scope) => findOrgInScope(tx.db, scope, input.id, true),
      at: (o) => o.path,
      what: '组织',
    });
    enforce(checkOrgOpen(org));
    enforce(checkNewPost(org.kind, input.post, input.startedOn, await listPostsOfOrgs(tx.db, [org.id])));
    const policy = await getTermPolicy(tx.db);
    const endsOn = input.endsOn ?? defaultTermEnd(input.startedOn, org.kind, org.sector, policy);
    enforce(checkPostTerm(input.startedOn, endsOn, input.extensionDocNo));
    const row = await insertPost(tx.db, {
      orgId: org.id,
      post: input.post,
      holderName: input.holderName,
      startedOn: input.startedOn,
      endsOn,
      extensionDocNo: input.extensionDocNo,
      createdAt: tx.at,
    });
    await recordAudit(tx, {
      action: 'leadership.create',
      entityType: 'leadership_post',
      entityId: row.id,
      orgId: org.id,
      role,
      after: audited(row),
    });
    return leadershipView(row, tx.today);
  });
}

/** The post and its org, locked, in the actor's scope; with the role that authorizes the change. */
async function loadPostForChange(tx: Ctx, id: number, version: number) {
  const { row, role } = await loadForChange(tx, {
    permission: 'leadership.manage',
    load: async (scope) => {
      const found = await findPostInScope(tx.db, scope, id, true);
      return found && { ...found, version: found.post.version };
    },
    at: (found) => found.org.path,
    what: POST_RECORD,
    version,
  });
  return { ...row, role };
}

async function saveChange(
  tx: Ctx,
  change: { action: AuditAction; role: string; before: PostRow; set: Partial<PostRow> },
) {
  const { action, role, before, set } = change;
  const row = await updatePostAtVersion(tx.db, before.id, before.version, set);
  await recordAudit(tx, {
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
export async function updatePost(ctx: Ctx, input: UpdateInput & { id: number }) {
  const { id } = input;
  return inTransaction(ctx, async (tx) => {
    const { post, role } = await loadPostForChange(tx, id, input.version);
    const set = {
      holderName: input.holderName ?? post.holderName,
      startedOn: input.startedOn ?? post.startedOn,
      endsOn: input.endsOn ?? post.endsOn,
      extensionDocNo: input.extensionDocNo === undefined ? post.extensionDocNo : input.extensionDocNo,
    };
    const others = (await listPostsOfOrgs(tx.db, [post.orgId])).filter((p) => p.id !== id);
    enforce(checkPostEdit({ ...post, ...set }, others));
    return leadershipView(
      await saveChange(tx, { action: 'leadership.update', role, before: post, set }),
      tx.today,
    );
  });
}

/** Records that the holder left the post (离任) on a day, with the reason; the row stays as history. */
export async function endPost(ctx: Ctx, input: EndInput & { id: number }) {
  return inTransaction(ctx, async (tx) => {
    const { post, role } = await loadPostForChange(tx, input.id, input.version);
    enforce(checkLeaving(post, input.leftOn));
    const set = { leftOn: input.leftOn, leftReason: input.leftReason };
    return leadershipView(
      await saveChange(tx, { action: 'leadership.end', role, before: post, set }),
      tx.today,
    );
  });
}
