import { eq } from 'drizzle-orm';
import type { Role } from '../../domain/access/index.ts';
import type { LeadershipPost, OrgKind, Sector } from '../../domain/org/index.ts';
import { DEFAULT_TERM_POLICY, defaultTermYears } from '../../domain/org/index.ts';
import { addDays, addYears, type IsoDate } from '../../domain/shared/index.ts';
import { inTransaction, type WorkCtx } from '../context.ts';
import { type Db, nextOrgId } from '../db/client.ts';
import { committeeTerms, leadershipPosts, orgEvents, orgs } from '../db/tables/orgs.ts';
import { settings } from '../db/tables/settings.ts';
import { roleAssignments, users } from '../db/tables/users.ts';
import type { IdCipher } from '../security/crypto.ts';
import { hashPassword } from '../security/passwords.ts';
import { seedDemoDues } from './demo-dues.ts';
import { seedDemoMeetings } from './demo-meetings.ts';
import { seedDemoMembers } from './demo-members.ts';
import {
  BRANCH_KINDS,
  COMMUNITY_NAMES,
  DISTRICT_NAMES,
  GIVEN_NAMES,
  SPECIAL_BRANCHES,
  STREET_NAMES,
  SURNAMES,
} from './demo-names.ts';
import { type Random, seededRandom } from './random.ts';

/** The demo password unless JICENG_DEMO_PASSWORD sets another. Printed on the console and in the README. */
export const DEFAULT_DEMO_PASSWORD = 'Jiceng@2026';

export type DemoAccount = { username: string; role: Role; orgName: string };

type NewOrg = {
  id: number;
  path: string;
  name: string;
  kind: OrgKind;
  sector: Sector;
  establishedOn: IsoDate;
};
type PostRow = typeof leadershipPosts.$inferInsert;

class CityBuilder {
  readonly orgRows: (typeof orgs.$inferInsert)[] = [];
  readonly postRows: PostRow[] = [];
  readonly termRows: (typeof committeeTerms.$inferInsert)[] = [];
  constructor(
    private readonly db: Db,
    private readonly rnd: Random,
    private readonly today: IsoDate,
  ) {}

  async org(parent: NewOrg | null, name: string, kind: OrgKind, sector: Sector): Promise<NewOrg> {
    const id = await nextOrgId(this.db);
    const establishedOn = addDays('2000-01-01', this.rnd.int(0, 6000));
    const org = { id, path: parent ? `${parent.path}.${id}` : String(id), name, kind, sector, establishedOn };
    this.orgRows.push({ ...org, parentId: parent?.id ?? null, code: `D${String(id).padStart(6, '0')}` });
    return org;
  }

  personName(): string {
    return this.rnd.pick(SURNAMES) + this.rnd.pick(GIVEN_NAMES);
  }

  /**
   * Leadership with a spread of terms: most current, some expiring within 6 months, some expired, and a
   * few secretary posts vacant, so that the findings have something to show.
   */
  leadership(org: NewOrg): void {
    const years = defaultTermYears(org.kind, org.sector, DEFAULT_TERM_POLICY);
    const roll = this.rnd.next();
    // Days since the current term began: past its end (expired), near its end (expiring), or well inside it.
    const elapsed =
      roll < 0.08
        ? years * 365 + this.rnd.int(20, 400)
        : roll < 0.18
          ? years * 365 - this.rnd.int(10, 170)
          : this.rnd.int(30, years * 365 - 200);
    const startedOn = addDays(this.today, -elapsed);
    const endsOn = addYears(startedOn, years);
    const vacant = this.rnd.chance(0.06);
    const add = (post: LeadershipPost, extra: Partial<PostRow> = {}) =>
      this.postRows.push({ orgId: org.id, post, holderName: this.personName(), startedOn, ...extra });
    if (org.kind === 'group') {
      // Designated by the branch, with no term (docs/organizations.md §5).
      add('group_leader');
      return;
    }
    // The committee's term (届): every post of it serves until its end (docs/organizations.md §7).
    this.termRows.push({ orgId: org.id, electedOn: startedOn, endsOn });
    if (vacant) {
      add('secretary', { leftOn: addDays(this.today, -this.rnd.int(10, 200)), leftReason: '工作调动' });
    } else {
      add('secretary');
    }
    if (org.kind !== 'branch' || this.rnd.chance(0.5)) {
      add('deputy_secretary');
      add('organizing_member');
      add('publicity_member');
      add('discipline_member');
    }
  }

  async flush(actorId: number | null): Promise<void> {
    for (let i = 0; i < this.orgRows.length; i += 500) {
      await this.db.insert(orgs).values(this.orgRows.slice(i, i + 500));
    }
    const termOf = new Map<number, number>();
    for (let i = 0; i < this.termRows.length; i += 500) {
      const saved = await this.db
        .insert(committeeTerms)
        .values(this.termRows.slice(i, i + 500))
        .returning({ id: committeeTerms.id, orgId: committeeTerms.orgId });
      for (const t of saved) termOf.set(t.orgId, t.id);
    }
    for (const p of this.postRows)
      p.termId = p.post === 'group_leader' ? null : (termOf.get(p.orgId) ?? null);
    for (let i = 0; i < this.postRows.length; i += 500) {
      await this.db.insert(leadershipPosts).values(this.postRows.slice(i, i + 500));
    }
    const events = this.orgRows.map((o) => ({
      orgId: o.id as number,
      kind: 'established' as const,
      effectiveOn: o.establishedOn as string,
      details: { name: o.name, source: 'demo' },
      actorId,
    }));
    for (let i = 0; i < events.length; i += 500) {
      await this.db.insert(orgEvents).values(events.slice(i, i + 500));
    }
  }
}

async function buildCity(b: CityBuilder, rnd: Random) {
  const city = await b.org(null, '示例市委', 'local_committee', 'government');
  const firsts: Record<string, NewOrg> = {};
  let communityIndex = 0;
  for (const [d, districtName] of DISTRICT_NAMES.entries()) {
    const district = await b.org(city, `中共示例市${districtName}委员会`, 'local_committee', 'government');
    firsts.district ??= district;
    const streetCount = rnd.int(2, 4);
    for (let s = 0; s < streetCount; s++) {
      const streetName = STREET_NAMES[(d * 4 + s) % STREET_NAMES.length] as string;
      const street = await b.org(
        district,
        `${districtName}${streetName}党工委`,
        'working_committee',
        'community',
      );
      firsts.street ??= street;
      const communityCount = rnd.int(3, 6);
      for (let c = 0; c < communityCount; c++) {
        const base = COMMUNITY_NAMES[communityIndex++ % COMMUNITY_NAMES.length] as string;
        const community = await b.org(street, `${base}社区党委`, 'committee', 'community');
        firsts.community ??= community;
        b.leadership(community);
        const branchCount = rnd.int(3, 8);
        for (let k = 0; k < branchCount; k++) {
          const branchName =
            k < BRANCH_KINDS.length - 2 || !rnd.chance(0.5) ? BRANCH_KINDS[k] : rnd.pick(SPECIAL_BRANCHES);
          const branch = await b.org(community, `${base}社区${branchName}`, 'branch', 'community');
          firsts.branch ??= branch;
          b.leadership(branch);
          if (rnd.chance(0.35)) {
            for (let g = 1; g <= rnd.int(2, 3); g++) {
              b.leadership(await b.org(branch, `${base}社区${branchName}第${g}党小组`, 'group', 'community'));
            }
          }
        }
      }
    }
  }
  return { city, ...(firsts as Record<'district' | 'street' | 'community' | 'branch', NewOrg>) };
}

/**
 * Seeds the demo city deterministically: 示例市委 → 3 区委 → 2–4 街道党工委 each → 3–6 社区党委 each →
 * 3–8 党支部 each, some with 党小组, with leadership and terms; about 5,000 members (demo-members.ts); last year's
 * and this year's meetings with their attendance (demo-meetings.ts); a year of dues (demo-dues.ts); and one demo
 * account per role and level, the `member` account linked to one of the members.
 */
export async function seedDemoCity(
  ctx: WorkCtx & { readonly idCipher: IdCipher },
  options: { password?: string | undefined; seed?: number } = {},
): Promise<{ accounts: DemoAccount[]; password: string; memberCount: number }> {
  const password = options.password ?? DEFAULT_DEMO_PASSWORD;
  const rnd = seededRandom(options.seed ?? 20261129);
  const passwordHash = await hashPassword(password);
  return inTransaction(ctx, async (work) => {
    const { db: tx, today } = work;
    const b = new CityBuilder(tx, rnd, today);
    const at = await buildCity(b, rnd);
    await b.flush(null);
    const demoOrgs = b.orgRows.map((o) => ({
      id: o.id as number,
      parentId: o.parentId ?? null,
      name: o.name,
      kind: o.kind,
    }));
    const roster = await seedDemoMembers(work, { orgs: demoOrgs, rnd });
    // The meetings draw from a generator of their own, so that the city and its roster stay as they were.
    await seedDemoMeetings(work, {
      orgs: demoOrgs,
      rnd: seededRandom((options.seed ?? 20261129) + 1),
      gapBranchId: at.branch.id,
    });
    const plan: [string, string, Role, NewOrg][] = [
      ['security', '安全管理员', 'security_admin', at.city],
      ['auditor', '审计管理员', 'audit_admin', at.city],
      ['city_org', '市委组织部', 'org_admin', at.city],
      ['district_org', '区委组织部', 'org_admin', at.district],
      ['street_org', '街道党工委', 'org_admin', at.street],
      ['community_sec', '社区党委书记', 'secretary', at.community],
      ['branch_sec', '支部书记', 'secretary', at.branch],
      ['member', '党员', 'member', at.branch],
    ];
    const accounts: DemoAccount[] = [];
    for (const [username, name, role, org] of plan) {
      const [user] = await tx
        .insert(users)
        .values({ username, name: `${name}（演示）`, orgId: org.id, passwordHash })
        .returning({ id: users.id });
      const userId = (user as { id: number }).id;
      await tx.insert(roleAssignments).values({ userId, role, orgId: org.id });
      accounts.push({ username, role, orgName: org.name });
      // The member account is one of the branch's full members (their own record, 我的党员信息).
      const own = role === 'member' ? roster.fullMemberPersons.get(org.id)?.[0] : undefined;
      if (own !== undefined) await tx.update(users).set({ personId: own }).where(eq(users.id, userId));
    }
    // A year of dues, after the accounts: the demo's 免交 is approved by the city's org_admin (第七条).
    await seedDemoDues(work, {
      rnd: seededRandom((options.seed ?? 20261129) + 2),
      approver: 'city_org',
      arrearsBranchId: at.branch.id,
    });
    // Trying the demo as an org_admin stays one step: no authenticator needed. The security administrator's
    // 工作台 warns while it is off (second-factor.ts, securityNotices); the three administrators still enrol.
    await tx
      .insert(settings)
      .values({ key: 'security', value: { totpRequiredForOrgAdmin: false }, version: 1, updatedBy: null })
      .onConflictDoNothing();
    return { accounts, password, memberCount: roster.memberCount };
  });
}
