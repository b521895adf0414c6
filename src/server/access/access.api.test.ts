import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../context.ts';
import { pathInScope, type Scope } from '../db/scope.ts';
import { orgs } from '../db/tables/orgs.ts';
import { settings } from '../db/tables/settings.ts';
import { updateAtVersion } from '../db/versioned.ts';
import { AppError } from '../errors.ts';
import { seedActors } from '../testing/actors.ts';
import { testCtxAs } from '../testing/ctx.ts';
import { seedTree, type Tree } from '../testing/fixtures.ts';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import { loadForChange, orgIn, requirePermission, scopeFor, subtreeIn } from './index.ts';

/**
 * The access kernel on a real database: where an actor may act (403 when a permission is held nowhere, 404 for
 * what lies outside the scope) and the opening of every change (load in scope, the authorizing role, the version).
 */
let t: TestApp;
let tree: Tree;
let orgAdminA: Ctx;
let sysadmin: Ctx;
let secretaryA1: Ctx;

beforeAll(async () => {
  t = await startTestApp();
  tree = await seedTree(t.deps.db);
  await seedActors(t.deps.db, tree);
  orgAdminA = await testCtxAs(t, 'orgadmin_a');
  sysadmin = await testCtxAs(t, 'sysadmin');
  secretaryA1 = await testCtxAs(t, 'secretary_a1');
});
afterAll(() => t.close());

/** The refusal a call ends in: its status and reason. */
async function refusal(call: () => unknown): Promise<{ status: number; reason: unknown; message: string }> {
  try {
    await call();
  } catch (error) {
    if (error instanceof AppError) {
      return { status: error.status, reason: error.details?.reason, message: error.message };
    }
    throw error;
  }
  throw new Error('expected a refusal');
}

async function findOrg(ctx: Ctx, scope: Scope, id: number) {
  const [row] = await ctx.db
    .select()
    .from(orgs)
    .where(and(eq(orgs.id, id), pathInScope(scope, orgs.path)));
  return row;
}

const loadOrg = (ctx: Ctx, id: number, version?: number) =>
  loadForChange(ctx, {
    permission: 'org.manage',
    load: (scope) => findOrg(ctx, scope, id),
    at: (o) => o.path,
    what: '组织',
    ...(version === undefined ? {} : { version }),
  });

describe('scopeFor and requirePermission', () => {
  it('answer the subtrees where the actor holds the permission, and the role that grants it', () => {
    expect(scopeFor(orgAdminA, 'member.read')).toEqual({ roots: [tree.districtA.path] });
    expect(requirePermission(orgAdminA, 'member.read')).toBe('org_admin');
  });

  it('refuse with 403 a permission the actor holds nowhere (三员分立: no party data for the system administrator)', async () => {
    expect(await refusal(() => scopeFor(sysadmin, 'member.read'))).toMatchObject({
      status: 403,
      reason: 'permission_denied',
    });
  });
});

describe('orgIn and subtreeIn', () => {
  it('find an org of the scope, and the subtree of a list filter', async () => {
    const scope = scopeFor(orgAdminA, 'org.read');
    expect(await orgIn(orgAdminA, scope, tree.branchA1.id)).toMatchObject({ path: tree.branchA1.path });
    expect(await subtreeIn(orgAdminA, scope, tree.streetA.id)).toEqual({ roots: [tree.streetA.path] });
    expect(await subtreeIn(orgAdminA, scope, undefined)).toBeNull();
  });

  it('answer 404, naming what was looked for, for an org outside the scope as for one that does not exist', async () => {
    const scope = scopeFor(orgAdminA, 'org.read');
    const outside = await refusal(() => orgIn(orgAdminA, scope, tree.branchB1.id, '党组织'));
    const missing = await refusal(() => orgIn(orgAdminA, scope, 999_999, '党组织'));
    expect(outside).toEqual(missing);
    expect(outside).toMatchObject({ status: 404, message: '党组织不存在或不在您的管辖范围内' });
  });
});

describe('loadForChange', () => {
  it('loads the record in the scope with the role that authorizes the change', async () => {
    const { row, role, scope } = await loadOrg(orgAdminA, tree.branchA1.id, 1);
    expect(row.id).toBe(tree.branchA1.id);
    expect(role).toBe('org_admin');
    expect(scope.roots).toEqual([tree.districtA.path]);
  });

  it('answers 403 before looking when the permission is held nowhere (a secretary sets up no orgs)', async () => {
    expect(await refusal(() => loadOrg(secretaryA1, tree.branchA1.id))).toMatchObject({ status: 403 });
  });

  it('answers 404 for a record outside the scope', async () => {
    expect(await refusal(() => loadOrg(orgAdminA, tree.branchB1.id))).toMatchObject({ status: 404 });
  });

  it('answers 409 stale_version when the record moved on since the client read it', async () => {
    expect(await refusal(() => loadOrg(orgAdminA, tree.branchA1.id, 2))).toMatchObject({
      status: 409,
      reason: 'stale_version',
    });
  });
});

describe('updateAtVersion', () => {
  it('saves at the version read and moves the version on', async () => {
    const row = await updateAtVersion(t.deps.db, orgs, tree.branchA2.id, 1, {
      approvalDocNo: '甲组〔2026〕1号',
    });
    expect(row).toMatchObject({ id: tree.branchA2.id, version: 2, approvalDocNo: '甲组〔2026〕1号' });
  });

  it('refuses with 409 stale_version a save at a version that is no longer the row’s', async () => {
    const stale = () => updateAtVersion(t.deps.db, orgs, tree.branchA2.id, 1, { approvalDocNo: '覆盖' });
    expect(await refusal(stale)).toMatchObject({ status: 409, reason: 'stale_version' });
    const [row] = await t.deps.db.select().from(orgs).where(eq(orgs.id, tree.branchA2.id));
    expect(row).toMatchObject({ version: 2, approvalDocNo: '甲组〔2026〕1号' });
  });

  it('finds the row by its primary key whatever its name (settings are keyed by text)', async () => {
    await t.deps.db.insert(settings).values({ key: 'probe', value: { a: 1 }, version: 1, updatedBy: null });
    const row = await updateAtVersion(t.deps.db, settings, 'probe', 1, { value: { a: 2 } });
    expect(row).toMatchObject({ key: 'probe', version: 2, value: { a: 2 } });
  });
});
