import { eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Role } from '../../../domain/access/index.ts';
import type { StatKey } from '../../../domain/membership/index.ts';
import { generateIdNumber } from '../../../domain/people/index.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { users } from '../../db/tables/users.ts';
import { createUser, seedTree, TEST_PASSWORD, type Tree } from '../../testing/fixtures.ts';
import {
  loginAs,
  startTestApp,
  type TestApp,
  type TestClient,
  type TestResponse,
} from '../../testing/test-app.ts';

/**
 * The actors of the roster tests: org_admins of the city and of each district, secretaries of one community
 * in each district, the system administrator (who runs the platform but reads no party data) and a member.
 */
export const MEMBER_ACTORS = [
  'city_admin',
  'admin_a',
  'admin_b',
  'sec_a1',
  'sec_b1',
  'sysadmin',
  'member',
] as const;
export type MemberActor = (typeof MEMBER_ACTORS)[number];

const ROLES: Record<MemberActor, [Role, keyof Tree]> = {
  city_admin: ['org_admin', 'root'],
  admin_a: ['org_admin', 'districtA'],
  admin_b: ['org_admin', 'districtB'],
  sec_a1: ['secretary', 'communityA1'],
  sec_b1: ['secretary', 'communityB1'],
  sysadmin: ['system_admin', 'root'],
  member: ['member', 'branchA1'],
};

export type RosterWorld = { t: TestApp; tree: Tree; as: Record<MemberActor, TestClient> };

/** A test app with the fixture city and a logged-in client for each actor. */
export async function startRosterWorld(): Promise<RosterWorld> {
  const t = await startTestApp();
  const tree = await seedTree(t.deps.db);
  const as = {} as Record<MemberActor, TestClient>;
  for (const name of MEMBER_ACTORS) {
    const [role, org] = ROLES[name];
    await createUser(t.deps.db, { username: name, orgId: tree[org].id, roles: [{ role }] });
    as[name] = await loginAs(t, name, TEST_PASSWORD);
  }
  return { t, tree, as };
}

let sequence = 100;

/** A valid ID number (GB 11643) for a birth date; odd sequence = male, even = female. */
export function idFor(birthDate: string, gender: 'male' | 'female' = 'male'): string {
  sequence += 2;
  const seq = gender === 'male' ? sequence + 1 : sequence;
  return generateIdNumber({ provinceAndCounty: '110105', birthDate, sequence: seq % 1000 });
}

let phone = 13800000000;
/** A fresh, valid mobile number. */
export const nextMobile = () => String(++phone);

/** A valid body for POST /api/members; override what a test is about. */
export function memberBody(
  orgId: number,
  extra: Record<string, unknown> = {},
  person: Record<string, unknown> = {},
) {
  return {
    person: {
      name: '张三',
      idNumber: idFor('1985-04-12'),
      ethnicity: '01',
      education: '21',
      workPost: '0212',
      phoneMobile: nextMobile(),
      address: '和平路1号',
      ...person,
    },
    orgId,
    status: 'full',
    category: 'employed',
    admittedOn: '2010-07-01',
    confirmedOn: '2011-07-01',
    ...extra,
  };
}

/** Creates a member through the API and returns its detail (asserting 200). */
export async function createMember(
  client: TestClient,
  orgId: number,
  extra: Record<string, unknown> = {},
  person: Record<string, unknown> = {},
) {
  const res = await client.post('/api/members', memberBody(orgId, extra, person));
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Links a user account to a person (users.person_id), as account management would. */
export async function linkUser(db: Db, username: string, personId: number): Promise<void> {
  await db.update(users).set({ personId }).where(eq(users.username, username));
}

/** Counts of the rollup for one org (its own members only). */
export async function orgStats(db: Db, orgId: number): Promise<Partial<Record<StatKey, number>>> {
  const [row] = await queryRows<Record<string, number>>(
    db,
    sql`select * from org_stats where org_id = ${orgId}`,
  );
  return row ?? {};
}

/** The field paths of a 400 answer, joined with dots: `body.person.idNumber`. */
export function issuePaths(res: TestResponse): string[] {
  expect(res.statusCode, res.body).toBe(400);
  expect(res.json().error.code).toBe('invalid_input');
  return res.json().error.details.issues.map((i: { path: (string | number)[] }) => i.path.join('.'));
}

/** Asserts a rule's refusal: 422 with its stable reason and a Chinese message. */
export function expectRule(res: TestResponse, reason: string): void {
  expect(res.statusCode, res.body).toBe(422);
  expect(res.json().error).toMatchObject({ code: 'rule_violation', details: { reason } });
  expect(res.json().error.message).toMatch(/[\u4e00-\u9fff]/);
}

export function expectStatus(res: TestResponse, status: number): void {
  expect(res.statusCode, res.body).toBe(status);
}
