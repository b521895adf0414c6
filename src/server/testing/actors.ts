import { and, desc, eq } from 'drizzle-orm';
import type { AuditAction } from '../../contracts/audit.ts';
import type { Db } from '../db/client.ts';
import { auditLog } from '../db/tables/audit.ts';
import { createUser, TEST_PASSWORD, type Tree } from './fixtures.ts';
import { loginAs, type TestApp, type TestClient, type TestResponse } from './test-app.ts';

/**
 * The administrators of the fixture city: the three of 三员分立 at the root, an org_admin for each
 * district, and a secretary of 和平社区 (who may not manage accounts at all).
 */
export async function seedActors(db: Db, tree: Tree) {
  const one = (username: string, orgId: number, role: Parameters<typeof createUser>[1]['roles']) =>
    createUser(db, { username, orgId, roles: role });
  return {
    sysadmin: await one('sysadmin', tree.root.id, [{ role: 'system_admin' }]),
    secadmin: await one('secadmin', tree.root.id, [{ role: 'security_admin' }]),
    auditadmin: await one('auditadmin', tree.root.id, [{ role: 'audit_admin' }]),
    orgadminA: await one('orgadmin_a', tree.districtA.id, [{ role: 'org_admin' }]),
    orgadminB: await one('orgadmin_b', tree.districtB.id, [{ role: 'org_admin' }]),
    secretaryA1: await one('secretary_a1', tree.communityA1.id, [{ role: 'secretary' }]),
  };
}
export type Actors = Awaited<ReturnType<typeof seedActors>>;

/** Logged-in clients for each actor of `seedActors`. */
export async function loginActors(t: TestApp) {
  const as = (username: string) => loginAs(t, username, TEST_PASSWORD);
  return {
    sysadmin: await as('sysadmin'),
    secadmin: await as('secadmin'),
    auditadmin: await as('auditadmin'),
    orgadminA: await as('orgadmin_a'),
    orgadminB: await as('orgadmin_b'),
    secretaryA1: await as('secretary_a1'),
  } satisfies Record<string, TestClient>;
}
export type ActorClients = Awaited<ReturnType<typeof loginActors>>;

/** The field paths of a 400 answer: `body.username`, `querystring.status`. */
export function issuePaths(res: TestResponse): string[] {
  return res.json().error.details.issues.map((i: { path: (string | number)[] }) => i.path.join('.'));
}

/** The error reason of an answer (`details.reason`). */
export function reasonOf(res: TestResponse): string | undefined {
  return res.json().error?.details?.reason;
}

/** Audit rows of one action (newest first), optionally about one entity. */
export async function auditRows(db: Db, action: AuditAction, entityId?: string | number) {
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, action),
        entityId === undefined ? undefined : eq(auditLog.entityId, String(entityId)),
      ),
    )
    .orderBy(desc(auditLog.id));
}
