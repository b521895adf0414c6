import type { z } from 'zod';
import type { CreateOrgBody, UpdateOrgBody } from '../../../contracts/orgs.ts';
import type { Actor } from '../../../domain/access/index.ts';
import { checkEstablishedOn, checkKindChange, checkNewOrg } from '../../../domain/org/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { allow, type Decision } from '../../../domain/shared/index.ts';
import type { AuditContext } from '../../audit/audit.ts';
import { type Db, nextOrgId } from '../../db/client.ts';
import type { Scope } from '../../db/scope.ts';
import type { Deps } from '../../deps.ts';
import { requireAt, requirePermission, scopeOf } from '../../http/access.ts';
import { conflict, enforce, notFound, staleVersion } from '../../http/errors.ts';
import { recordOrgChange } from './org-history.ts';
import {
  activeChildKinds,
  findOrgInScope,
  findParentKind,
  insertOrg,
  isCodeTaken,
  type OrgRow,
  updateOrgVersioned,
} from './orgs.repo.ts';
import { orgDetail } from './orgs.service.ts';

type CreateInput = z.output<typeof CreateOrgBody>;
type UpdateInput = z.output<typeof UpdateOrgBody>;

const EDITABLE = ['name', 'kind', 'sector', 'code', 'establishedOn', 'approvalDocNo'] as const;
type Editable = (typeof EDITABLE)[number];
type Changes = Partial<Pick<OrgRow, Editable>>;

/** The `org.manage` scope; 403 when the actor may manage orgs nowhere. */
export function manageScope(actor: Actor, today: IsoDate): Scope {
  requirePermission(actor, 'org.manage', today);
  return scopeOf(actor, 'org.manage', today);
}

/** What the audit log keeps of an org. */
export function auditedOrg(row: Partial<OrgRow>) {
  return Object.fromEntries(
    ['parentId', 'path', ...EDITABLE, 'dissolvedOn', 'dissolutionReason']
      .filter((k) => k in row)
      .map((k) => [k, row[k as keyof OrgRow]]),
  );
}

const codeTaken = (code: string) =>
  conflict('code_taken', `组织代码“${code}”已被其他组织使用`, { field: 'code' });

/** 组织代码 are unique across the deployment: 409 `code_taken` rather than a database error. */
async function ensureCodeFree(db: Db, code: string | null | undefined, exceptId?: number) {
  if (code && (await isCodeTaken(db, code, exceptId))) throw codeTaken(code);
}

/** A concurrent save of the same code still answers 409: the unique index (orgs_code_unique) decides. */
async function guardCode<T>(code: string | null | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (code && isUniqueViolation(error, 'orgs_code_unique')) throw codeTaken(code);
    throw error;
  }
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e = error as { code?: string; constraint?: string; cause?: unknown } | undefined; e; ) {
    if (e.code === '23505' && e.constraint === constraint) return true;
    e = e.cause as typeof e;
  }
  return false;
}

/** Sets up a new org under a parent in the actor's `org.manage` scope (党章第三十条: 上级批准). */
export async function createOrg(deps: Deps, actor: Actor, ctx: AuditContext, input: CreateInput) {
  const today = deps.clock.today();
  const scope = manageScope(actor, today);
  return deps.db.transaction(async (tx) => {
    // Locked, so that the parent is not dissolved or moved while the new org joins it.
    const parent = await findOrgInScope(tx, scope, input.parentId, true);
    if (!parent) throw notFound('上级组织');
    const role = requireAt(actor, 'org.manage', parent.path, today, '上级组织');
    enforce(checkNewOrg(parent, input.kind, input.establishedOn, today));
    await ensureCodeFree(tx, input.code);
    const id = await nextOrgId(tx);
    const row = await guardCode(input.code, () =>
      insertOrg(tx, {
        id,
        parentId: parent.id,
        path: `${parent.path}.${id}`,
        name: input.name,
        kind: input.kind,
        sector: input.sector,
        code: input.code,
        establishedOn: input.establishedOn,
        approvalDocNo: input.approvalDocNo,
        createdAt: ctx.at,
        updatedAt: ctx.at,
      }),
    );
    await recordOrgChange(tx, ctx, {
      orgId: id,
      event: 'established',
      effectiveOn: input.establishedOn,
      details: { name: row.name, kind: row.kind, parentId: parent.id, approvalDocNo: row.approvalDocNo },
      action: 'org.create',
      role,
      after: auditedOrg(row),
    });
    return orgDetail(tx, actor, row, today);
  });
}

/** The fields the request sets to a value other than the stored one. */
function changesOf(org: OrgRow, input: UpdateInput): Changes {
  const changes: Record<string, unknown> = {};
  for (const key of EDITABLE) {
    const value = input[key];
    if (value !== undefined && value !== org[key]) changes[key] = value;
  }
  return changes as Changes;
}

/** A new kind must fit under the parent and over the children that remain (checkKindChange). */
async function checkNewKind(db: Db, scope: Scope, org: OrgRow, kind: OrgRow['kind']): Promise<Decision> {
  const parentKind = org.parentId === null ? null : await findParentKind(db, scope, org.id);
  return checkKindChange(parentKind, kind, await activeChildKinds(db, org.id));
}

async function checkChanges(db: Db, scope: Scope, org: OrgRow, changes: Changes, today: IsoDate) {
  enforce(changes.kind === undefined ? allow : await checkNewKind(db, scope, org, changes.kind));
  if (changes.establishedOn) enforce(checkEstablishedOn(changes.establishedOn, org.dissolvedOn, today));
  await ensureCodeFree(db, changes.code, org.id);
}

/** Edits an org's own fields with its `version` (409 when someone else saved first). */
export async function updateOrg(deps: Deps, actor: Actor, ctx: AuditContext, id: number, input: UpdateInput) {
  const today = deps.clock.today();
  const scope = manageScope(actor, today);
  return deps.db.transaction(async (tx) => {
    const org = await findOrgInScope(tx, scope, id, true);
    if (!org) throw notFound('组织');
    const role = requireAt(actor, 'org.manage', org.path, today, '组织');
    if (org.version !== input.version) throw staleVersion();
    const changes = changesOf(org, input);
    if (Object.keys(changes).length === 0) return orgDetail(tx, actor, org, today);
    await checkChanges(tx, scope, org, changes, today);
    const row = await guardCode(changes.code, () =>
      updateOrgVersioned(tx, id, input.version, { ...changes, updatedAt: ctx.at }),
    );
    if (!row) throw staleVersion();
    const before = auditedOrg(Object.fromEntries(Object.keys(changes).map((k) => [k, org[k as Editable]])));
    await recordOrgChange(tx, ctx, {
      orgId: id,
      event: 'updated',
      effectiveOn: today,
      details: { before, after: changes },
      action: 'org.update',
      role,
      before: auditedOrg(org),
      after: auditedOrg(row),
    });
    return orgDetail(tx, actor, row, today);
  });
}
