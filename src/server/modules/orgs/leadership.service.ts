import type { z } from 'zod';
import type { CreatePostBody, EndPostBody, RenewTermBody, UpdatePostBody } from '../../../contracts/orgs.ts';
import {
  checkByElection,
  checkElectedTerm,
  checkLeaving,
  checkNewPost,
  checkOrgOpen,
  checkPostEdit,
  checkRenewal,
  checkTermLength,
  defaultTermEnd,
  hasElectedTerm,
  type PostTenure,
} from '../../../domain/org/index.ts';
import { loadForChange, orgIn, scopeFor } from '../../access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { enforce } from '../../errors.ts';
import { getTermPolicy } from '../settings/index.ts';
import {
  endPostsOfTerm,
  endTerm,
  findCurrentTerm,
  findPostInScope,
  findTerm,
  insertPost,
  insertTerm,
  listPostsOfOrgs,
  listTermsOfOrg,
  type PostRow,
  type TermRow,
  updatePostAtVersion,
  withTermEnd,
} from './leadership.repo.ts';
import { leadershipView, leadershipViews, termView } from './org-views.ts';
import { findOrgInScope } from './orgs.repo.ts';

type CreateInput = z.output<typeof CreatePostBody>;
type UpdateInput = z.output<typeof UpdatePostBody>;
type EndInput = z.output<typeof EndPostBody>;
type RenewInput = z.output<typeof RenewTermBody>;

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
 * Records a new post holder (docs/organizations.md §5, §7). In a committee elected for a term this is a 补选: the
 * post joins the current term and serves its remainder (checkByElection); a 党小组长 is designated and an
 * appointed body's posts have no term. One 书记 (or 党小组长) at a time (checkNewPost).
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
    let term: TermRow | undefined;
    if (hasElectedTerm(org.kind)) {
      term = await findCurrentTerm(tx.db, org.id);
      enforce(checkByElection(term ?? null, input.startedOn));
    }
    const row = await insertPost(tx.db, {
      orgId: org.id,
      termId: term?.id ?? null,
      post: input.post,
      holderName: input.holderName,
      startedOn: input.startedOn,
      createdAt: tx.at,
    });
    await recordAudit(tx, {
      action: 'leadership.create',
      entityType: 'leadership_post',
      entityId: row.id,
      orgId: org.id,
      role,
      after: audited(row),
      ...(term ? { note: { byElection: true, termEndsOn: term.endsOn } } : {}),
    });
    return leadershipView({ ...row, termEndsOn: term?.endsOn ?? null }, tx.today);
  });
}

export async function listTerms(ctx: Ctx, input: { id: number }) {
  const org = await orgIn(ctx, scopeFor(ctx, 'org.read'), input.id);
  return (await listTermsOfOrg(ctx.db, org.id)).map(termView);
}

/**
 * 换届 (docs/organizations.md §7): one action ends the current term and every post of it on the day the new
 * committee was elected, and records the new term with its election document and its members. The new term's
 * length is the org's default unless given; outside 3–5 years, or an election more than a year early, only
 * with the approval document of the level above (checkTermLength, checkRenewal).
 */
export async function renewTerm(ctx: Ctx, input: RenewInput & { id: number }) {
  return inTransaction(ctx, async (tx) => {
    const { row: org, role } = await loadForChange(tx, {
      permission: 'leadership.manage',
      load: (scope) => findOrgInScope(tx.db, scope, input.id, true),
      at: (o) => o.path,
      what: '组织',
    });
    enforce(checkOrgOpen(org));
    enforce(checkElectedTerm(org.kind, input.electedOn, tx.today));
    const approval =
      input.approvalDocNo && input.approvalDocDate
        ? { docNo: input.approvalDocNo, date: input.approvalDocDate }
        : null;
    const current = await findCurrentTerm(tx.db, org.id);
    enforce(checkRenewal(current ?? null, input.electedOn, approval));
    const policy = await getTermPolicy(tx.db);
    const endsOn = input.endsOn ?? defaultTermEnd(input.electedOn, org.kind, org.sector, policy);
    enforce(checkTermLength(input.electedOn, endsOn, approval));

    const ended = current ? await endTerm(tx.db, current.id, input.electedOn) : null;
    const left = current ? await endPostsOfTerm(tx.db, current.id, input.electedOn, '换届') : [];
    // The posts the new committee finds: those of no term (a 书记 appointed meanwhile) stay and are checked.
    const staying: PostTenure[] = (await listPostsOfOrgs(tx.db, [org.id])).filter((p) => p.termId === null);
    const term = await insertTerm(tx.db, {
      orgId: org.id,
      electedOn: input.electedOn,
      endsOn,
      electionDocNo: input.electionDocNo,
      electionDocDate: input.electionDocDate,
      approvalDocNo: approval?.docNo ?? null,
      approvalDocDate: approval?.date ?? null,
      createdAt: tx.at,
    });
    const seated: PostTenure[] = [...staying];
    const posts: PostRow[] = [];
    for (const p of input.posts) {
      enforce(checkNewPost(org.kind, p.post, input.electedOn, seated));
      const row = await insertPost(tx.db, {
        orgId: org.id,
        termId: term.id,
        post: p.post,
        holderName: p.holderName,
        startedOn: input.electedOn,
        createdAt: tx.at,
      });
      seated.push(row);
      posts.push(row);
    }
    await recordAudit(tx, {
      action: 'term.renew',
      entityType: 'committee_term',
      entityId: term.id,
      orgId: org.id,
      role,
      before: current ? { term: termView(current), leftPostIds: left.map((p) => p.id) } : null,
      after: { term: termView(term), posts: posts.map(audited), ...(ended ? { endedTermId: ended.id } : {}) },
    });
    return {
      term: termView(term),
      posts: posts.map((p) => leadershipView({ ...p, termEndsOn: endsOn }, tx.today)),
    };
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
  change: {
    action: 'leadership.update' | 'leadership.end';
    role: string;
    before: PostRow;
    set: Partial<PostRow>;
  },
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
    };
    const others = (await listPostsOfOrgs(tx.db, [post.orgId])).filter((p) => p.id !== id);
    enforce(checkPostEdit({ ...post, ...set }, others));
    // A committee post stays within its term: a by-election is not dated before the election or after the end.
    const term = post.termId === null ? undefined : await findTerm(tx.db, post.termId);
    if (term && set.startedOn !== post.startedOn) enforce(checkByElection(term, set.startedOn));
    const saved = await saveChange(tx, { action: 'leadership.update', role, before: post, set });
    return leadershipView(await withTermEnd(tx.db, saved), tx.today);
  });
}

/** Records that the holder left the post (离任) on a day, with the reason; the row stays as history. */
export async function endPost(ctx: Ctx, input: EndInput & { id: number }) {
  return inTransaction(ctx, async (tx) => {
    const { post, role } = await loadPostForChange(tx, input.id, input.version);
    enforce(checkLeaving(post, input.leftOn));
    const set = { leftOn: input.leftOn, leftReason: input.leftReason };
    const saved = await saveChange(tx, { action: 'leadership.end', role, before: post, set });
    return leadershipView(await withTermEnd(tx.db, saved), tx.today);
  });
}
