import type { Role } from '../../domain/access/index.ts';
import type { OrgKind, Sector } from '../../domain/org/index.ts';
import { type Db, nextOrgId } from '../db/client.ts';
import { orgs } from '../db/tables/orgs.ts';
import { roleAssignments, users } from '../db/tables/users.ts';
import { hashPassword } from '../security/passwords.ts';

/** The password of every fixture account; meets the policy. Test-only, never a real credential. */
export const TEST_PASSWORD = 'Fixture#2026pw';

let passwordHash: Promise<string> | undefined;
const fixtureHash = () => {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return passwordHash;
};

export type FixtureOrg = { id: number; path: string; name: string; kind: OrgKind };

export async function insertOrg(
  db: Db,
  parent: FixtureOrg | null,
  name: string,
  kind: OrgKind,
  sector: Sector = 'community',
  extra: Partial<typeof orgs.$inferInsert> = {},
): Promise<FixtureOrg> {
  const id = await nextOrgId(db);
  const path = parent ? `${parent.path}.${id}` : String(id);
  await db.insert(orgs).values({
    id,
    parentId: parent?.id ?? null,
    path,
    name,
    kind,
    sector,
    establishedOn: '2020-01-01',
    ...extra,
  });
  return { id, path, name, kind };
}

/**
 * A small city: 市委 → two 区委 → a 街道党工委 each → 社区党委 → 党支部 (→ 党小组). District A has two
 * communities, so that a secretary of one can be shown not to see the other.
 */
export async function seedTree(db: Db) {
  const root = await insertOrg(db, null, '测试市委', 'local_committee', 'government');
  const districtA = await insertOrg(db, root, '甲区委', 'local_committee', 'government');
  const districtB = await insertOrg(db, root, '乙区委', 'local_committee', 'government');
  const streetA = await insertOrg(db, districtA, '甲一街道党工委', 'working_committee', 'government');
  const streetB = await insertOrg(db, districtB, '乙一街道党工委', 'working_committee', 'government');
  const communityA1 = await insertOrg(db, streetA, '和平社区党委', 'committee');
  const communityA2 = await insertOrg(db, streetA, '幸福社区党委', 'committee');
  const communityB1 = await insertOrg(db, streetB, '光明社区党委', 'committee');
  const branchA1 = await insertOrg(db, communityA1, '和平社区第一党支部', 'branch');
  const groupA1 = await insertOrg(db, branchA1, '和平社区第一党小组', 'group');
  const branchA2 = await insertOrg(db, communityA2, '幸福社区第一党支部', 'branch');
  const branchB1 = await insertOrg(db, communityB1, '光明社区第一党支部', 'branch');
  return {
    root,
    districtA,
    districtB,
    streetA,
    streetB,
    communityA1,
    communityA2,
    communityB1,
    branchA1,
    groupA1,
    branchA2,
    branchB1,
  };
}
export type Tree = Awaited<ReturnType<typeof seedTree>>;

export async function createUser(
  db: Db,
  input: {
    username: string;
    orgId: number;
    roles?: { role: Role; orgId?: number; endsOn?: string | null }[];
    name?: string;
    mustChangePassword?: boolean;
    passwordHash?: string;
  },
): Promise<{ id: number; username: string }> {
  const [row] = await db
    .insert(users)
    .values({
      username: input.username,
      name: input.name ?? input.username,
      orgId: input.orgId,
      passwordHash: input.passwordHash ?? (await fixtureHash()),
      mustChangePassword: input.mustChangePassword ?? false,
    })
    .returning({ id: users.id, username: users.username });
  const user = row as { id: number; username: string };
  for (const r of input.roles ?? []) {
    await db
      .insert(roleAssignments)
      .values({ userId: user.id, role: r.role, orgId: r.orgId ?? input.orgId, endsOn: r.endsOn ?? null });
  }
  return user;
}
