import type { z } from 'zod';
import type { CreateOrgBody, UpdateOrgBody } from '../../../contracts/orgs.ts';
import {
  checkEstablishedOn,
  checkKindChange,
  checkNewOrg,
  type OrgReason,
} from '../../../domain/org/index.ts';
import { allow, type Decision } from '../../../domain/shared/index.ts';
import { loadForChange } from '../../access/index.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { type Db, nextOrgId } from '../../db/client.ts';
import type { Scope } from '../../db/scope.ts';
import { conflict, enforce } from '../../errors.ts';
import { recordOrgChange } from './org-history.ts';
import {
  activeChildKinds,
  findOrgInScope,
  findParentKind,
  insertOrg,
  isCodeTaken,
  type OrgRow,
  updateOrgAtVersion,
} from './orgs.repo.ts';
import { orgDetail } from './orgs.service.ts';

type CreateInput = z.output<typeof CreateOrgBody>;
type UpdateInput = z.output<typeof UpdateOrgBody>;

const EDITABLE = ['name', 'kind', 'sector', 'code', 'establishedOn', 'approvalDocNo'] as const;
type Editable = (typeof EDITABLE)[number];
type Changes = Partial<Pick<OrgRow, Editable>>;

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
export async function createOrg(ctx: Ctx, input: CreateInput) {
  return inTransaction(ctx, async (tx) => {
    // Locked, so that the parent is not dissolved or moved while the new org joins it.
    const { row: parent, role } = await loadForChange(tx, {
      permission: 'org.manage',
      load: (scope) => findOrgInScope(tx.db, scope, input.parentId, true),
      at: (o) => o.path,
      what: '上级组织',
    });
    enforce(checkNewOrg(parent, input.kind, input.establishedOn, tx.today));
    await ensureCodeFree(tx.db, input.code);
    const id = await nextOrgId(tx.db);
    const row = await guardCode(input.code, () =>
      insertOrg(tx.db, {
        id,
        parentId: parent.id,
        path: `${parent.path}.${id}`,
        name: input.name,
        kind: input.kind,
        sector: input.sector,
        code: input.code,
        establishedOn: input.establishedOn,
        approvalDocNo: input.approvalDocNo,
        createdAt: tx.at,
        updatedAt: tx.at,
      }),
    );
    await recordOrgChange(tx, {
      orgId: id,
      event: 'established',
      effectiveOn: input.establishedOn,
      details: { name: row.name, kind: row.kind, parentId: parent.id, approvalDocNo: row.approvalDocNo },
      action: 'org.create',
      role,
      after: auditedOrg(row),
    });
    return orgDetail(tx, row);
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
async function checkNewKind(
  db: Db,
  scope: Scope,
  org: OrgRow,
  kind: OrgRow['kind'],
): Promise<Decision<OrgReason>> {
  const parentKind = org.parentId === null ? null : await findParentKind(db, scope, org.id);
  return checkKindChange(parentKind, kind, await activeChildKinds(db, org.id));
}

async function checkChanges(tx: Ctx, scope: Scope, org: OrgRow, changes: Changes) {
  enforce(changes.kind === undefined ? allow : await checkNewKind(tx.db, scope, org, changes.kind));
  if (changes.establishedOn) enforce(checkEstablishedOn(changes.establishedOn, org.dissolvedOn, tx.today));
  await ensureCodeFree(tx.db, changes.code, org.id);
}

/** Edits an org's own fields with its `version` (409 when someone else saved first). */
export async function updateOrg(ctx: Ctx, input: UpdateInput & { id: number }) {
  const { id } = input;
  return inTransaction(ctx, async (tx) => {
    const {
      row: org,
      role,
      scope,
    } = await loadForChange(tx, {
      permission: 'org.manage',
      load: (scope) => findOrgInScope(tx.db, scope, id, true),
      at: (o) => o.path,
      what: '组织',
      version: input.version,
    });
    const changes = changesOf(org, input);
    if (Object.keys(changes).length === 0) return orgDetail(tx, org);
    await checkChanges(tx, scope, org, changes);
    const row = await guardCode(changes.code, () =>
      updateOrgAtVersion(tx.db, id, input.version, { ...changes, updatedAt: tx.at }),
    );
    const before = auditedOrg(Object.fromEntries(Object.keys(changes).map((k) => [k, org[k as Editable]])));
    await recordOrgChange(tx, {
      orgId: id,
      event: 'updated',
      effectiveOn: tx.today,
      details: { before, after: changes },
      action: 'org.update',
      role,
      before: auditedOrg(org),
      after: auditedOrg(row),
    });
    return orgDetail(tx, row);
  });
}
