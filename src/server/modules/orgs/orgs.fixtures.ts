import { expect } from 'vitest';
import type { Db } from '../../db/client.ts';
import { createUser, TEST_PASSWORD, type Tree } from '../../testing/fixtures.ts';
import { loginAs, type TestApp, type TestClient, type TestResponse } from '../../testing/test-app.ts';

/**
 * The actors of the org tests, one per role and level: administrators of the city and of each district,
 * secretaries of one community in each district, and the roles that may not touch orgs at all.
 */
export const ORG_ACTORS = [
  'city_admin',
  'admin_a',
  'admin_b',
  'sec_a1',
  'sec_b1',
  'security',
  'auditor',
  'member_a1',
] as const;
export type OrgActor = (typeof ORG_ACTORS)[number];

export async function seedOrgActors(db: Db, tree: Tree): Promise<void> {
  const plan: [OrgActor, 'org_admin' | 'secretary' | 'security_admin' | 'audit_admin' | 'member', number][] =
    [
      ['city_admin', 'org_admin', tree.root.id],
      ['admin_a', 'org_admin', tree.districtA.id],
      ['admin_b', 'org_admin', tree.districtB.id],
      ['sec_a1', 'secretary', tree.communityA1.id],
      ['sec_b1', 'secretary', tree.communityB1.id],
      ['security', 'security_admin', tree.root.id],
      ['auditor', 'audit_admin', tree.root.id],
      ['member_a1', 'member', tree.branchA1.id],
    ];
  for (const [username, role, orgId] of plan) {
    await createUser(db, { username, orgId, roles: [{ role }] });
  }
}

/** A logged-in client for each actor. */
export async function loginOrgActors(t: TestApp): Promise<Record<OrgActor, TestClient>> {
  const entries = [];
  for (const name of ORG_ACTORS) entries.push([name, await loginAs(t, name, TEST_PASSWORD)] as const);
  return Object.fromEntries(entries) as Record<OrgActor, TestClient>;
}

/** The field paths of a 400 answer, joined with dots: `body.name`. */
export function issuePaths(res: TestResponse): string[] {
  expect(res.statusCode).toBe(400);
  expect(res.json().error.code).toBe('invalid_input');
  return res.json().error.details.issues.map((i: { path: (string | number)[] }) => i.path.join('.'));
}

/** Asserts a rule's refusal: 422 with its stable reason and a Chinese message. */
export function expectRule(res: TestResponse, reason: string): void {
  expect(res.statusCode, res.body).toBe(422);
  expect(res.json().error).toMatchObject({ code: 'rule_violation', details: { reason } });
  expect(res.json().error.message).toMatch(/[\u4e00-\u9fff]/);
}
