import { PassThrough, type Readable } from 'node:stream';
import type { z } from 'zod';
import type {
  MemberAccountView,
  OpenedMemberAccount,
  OpenMemberAccountsBody,
} from '../../../contracts/member-accounts.ts';
import {
  checkBulkOpening,
  checkMemberAccountOpening,
  type MemberAccountPolicy,
} from '../../../domain/access/index.ts';
import type { MemberStatus } from '../../../domain/membership/index.ts';
import { canAt, found, loadForChange, requirePermission, scopeFor } from '../../access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { conflict, enforce } from '../../errors.ts';
import { getMemberAccountPolicy } from '../settings/index.ts';
import { activeAccountsOfPersons, type OpenedAccount, openMemberAccount } from '../users/index.ts';
import { type InitialPasswordRow, type SkippedRow, writeInitialPasswords } from './member-accounts.excel.ts';
import { resolveSelection } from './member-selection.ts';
import { findMemberInScope } from './members.repo.ts';

/**
 * Accounts for members (开通账号, docs/security.md §2.1): the branch secretary and the org_admins above open, with
 * `member.account` over the member's org, an account whose one role is `member` at the member's org and whose
 * generated initial password must be changed at first login. The users module writes the account; this module
 * decides for which members.
 */

type Candidate = {
  readonly id: number;
  readonly personId: number;
  readonly name: string;
  readonly orgId: number;
  readonly orgName: string;
  readonly status: MemberStatus;
  readonly phoneMobile: string | null;
};

function decide(ctx: Ctx, m: Candidate, linked: Map<number, { username: string }>) {
  return checkMemberAccountOpening({
    actorPersonId: ctx.principal.user.personId,
    personId: m.personId,
    status: m.status,
    linkedUsername: linked.get(m.personId)?.username ?? null,
  });
}

/** The member's account as the member page shows it, and whether the reader may open one (`member.read`). */
export async function getMemberAccount(
  ctx: Ctx,
  input: { id: number },
): Promise<z.output<typeof MemberAccountView>> {
  const m = found(await findMemberInScope(ctx.db, scopeFor(ctx, 'member.read'), input.id), '党员');
  const linked = await activeAccountsOfPersons(ctx.db, [m.personId]);
  const account = linked.get(m.personId);
  const mayOpen = canAt(ctx, 'member.account', m.orgPath);
  const decision = decide(ctx, { ...m, name: m.person.name, phoneMobile: m.person.phoneMobile }, linked);
  return {
    account: account ? { username: account.username, mustChangePassword: account.mustChangePassword } : null,
    canOpen: mayOpen && decision.ok,
    refusal: mayOpen && !decision.ok ? { reason: decision.reason, message: decision.message } : null,
  };
}

const usernamesTaken = () =>
  conflict('username_taken', '按用户名规则生成的用户名已被其他账号使用，请联系系统管理员调整用户名规则', {
    field: 'username',
  });

/**
 * Opens the account of one member (the member page): 404 outside the scope of `member.account`, 403 without it,
 * 422 when the member has one already, has left, or is the actor; the initial password is answered this once.
 */
export async function openAccountForMember(
  ctx: Ctx,
  input: { id: number },
): Promise<z.output<typeof OpenedMemberAccount>> {
  return inTransaction(ctx, async (tx) => {
    const { row: m, role } = await loadForChange(tx, {
      permission: 'member.account',
      load: (scope) => findMemberInScope(tx.db, scope, input.id, true),
      at: (m) => m.orgPath,
      what: '党员',
    });
    const candidate = { ...m, name: m.person.name, phoneMobile: m.person.phoneMobile };
    enforce(decide(tx, candidate, await activeAccountsOfPersons(tx.db, [m.personId])));
    const policy = await getMemberAccountPolicy(tx.db);
    const opened = await openMemberAccount(tx, ownerOf(candidate), policy, role);
    if (!opened) throw usernamesTaken();
    return {
      memberId: m.id,
      name: m.person.name,
      username: opened.username,
      initialPassword: opened.initialPassword,
    };
  });
}

function ownerOf(m: Candidate) {
  return { memberId: m.id, personId: m.personId, name: m.name, orgId: m.orgId, phoneMobile: m.phoneMobile };
}

/**
 * Opens accounts for every member of the roster's selection (ticked, or the filter's: a branch is `orgId`),
 * resolved in the actor's `member.account` scope (resolveSelection: 404 for ids outside it), who may have one, in
 * one transaction; the members skipped (an account already, left, the actor) are listed with the reason. Answers the workbook of initial passwords for the secretary to hand out: it exists only
 * in this answer (the passwords are stored hashed), and its download is audited.
 */
export async function openAccountsForMembers(
  ctx: Ctx,
  input: z.output<typeof OpenMemberAccountsBody>,
): Promise<{ filename: string; stream: Readable }> {
  const role = requirePermission(ctx, 'member.account');
  const scope = scopeFor(ctx, 'member.account');
  const { opened, skipped } = await inTransaction(ctx, async (tx) => {
    const rows = await resolveSelection(tx, scope, input.selection);
    const linked = await activeAccountsOfPersons(
      tx.db,
      rows.map((r) => r.personId),
    );
    const open: Candidate[] = [];
    const skip: SkippedRow[] = [];
    for (const m of rows) {
      const decision = decide(tx, m, linked);
      if (decision.ok) open.push(m);
      else skip.push({ name: m.name, orgName: m.orgName, message: decision.message });
    }
    enforce(checkBulkOpening(open.length));
    const policy: MemberAccountPolicy = await getMemberAccountPolicy(tx.db);
    const done: (InitialPasswordRow & { userId: number })[] = [];
    for (const m of open) {
      const account: OpenedAccount | null = await openMemberAccount(tx, ownerOf(m), policy, role);
      if (account) done.push({ name: m.name, orgName: m.orgName, ...account });
      else
        skip.push({ name: m.name, orgName: m.orgName, message: '按用户名规则生成的用户名已被其他账号使用' });
    }
    await recordAudit(tx, {
      action: 'user.initial_passwords_export',
      entityType: 'user',
      role,
      orgId: 'filter' in input.selection ? (input.selection.filter.orgId ?? null) : null,
      note: { opened: done.length, skipped: skip.length, userIds: done.map((d) => d.userId) },
    });
    return { opened: done, skipped: skip };
  });
  const stream = new PassThrough();
  writeInitialPasswords(stream, opened, skipped).catch((error: unknown) => {
    ctx.log.error({ err: error }, 'initial passwords workbook failed');
    stream.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return { filename: `党员账号初始密码-${ctx.today.replaceAll('-', '')}.xlsx`, stream };
}
