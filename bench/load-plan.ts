import { type Random, seededRandom } from '../src/server/seed/random.ts';

/**
 * Who the 200 virtual sessions of the load run are, and what each of them asks for: a morning in the city's
 * offices. Secretaries of communities and branches read their roster, members and 增减台账; org staff of
 * streets, districts and the city read statistics and the workbench (the city workbench, 0.4 s alone, at a low
 * weight); a few secretaries record status changes; one org_admin imports 5,000-row files. Deterministic: the
 * orgs are picked with a seeded PRNG from the city's own ids, so the same city gives the same plan.
 */
export type Level = 'city' | 'district' | 'street' | 'community' | 'branch';
export type SessionRole = 'reader' | 'staff' | 'writer' | 'importer' | 'hostile';
export type MenuItem = { readonly kind: string; readonly weight: number };

export type SessionPlan = {
  readonly username: string;
  /** The account's role (the kind of user), and its org. */
  readonly accountRole: 'secretary' | 'org_admin';
  readonly role: SessionRole;
  readonly orgId: number;
  readonly level: Level;
  /** For staff: the children of the org (drill-down statistics). */
  readonly childIds: readonly number[];
  readonly menu: readonly MenuItem[];
  /** Think time between requests, in ms (uniform). */
  readonly think: readonly [number, number];
  readonly seed: number;
};

/** The city as the plan needs it: ids by level, children, and branches that hold full members. */
export type CityOrgs = {
  readonly city: number;
  readonly districts: readonly number[];
  readonly streets: readonly number[];
  readonly communities: readonly number[];
  readonly childrenOf: ReadonlyMap<number, readonly number[]>;
  readonly branchesWithMembers: readonly number[];
};

/** How many sessions of each kind (200 in all; the hostile uploader of the second run comes on top). */
export const SESSION_COUNTS = {
  communitySecretaries: 120,
  branchSecretaries: 30,
  streetStaff: 30,
  districtStaff: 10,
  cityStaff: 2,
  writers: 7,
  importers: 1,
} as const;

const READ_THINK: readonly [number, number] = [0, 200];
/** A person uploading a roster reads its report before the next file: one import every few seconds. */
const IMPORT_THINK: readonly [number, number] = [1000, 3000];

const readerMenu = (level: 'community' | 'branch'): MenuItem[] => [
  { kind: `roster.list.${level}`, weight: 35 },
  { kind: `roster.filtered.${level}`, weight: 15 },
  { kind: 'member.detail', weight: 35 },
  { kind: `ledger.${level}`, weight: 10 },
];

const CHILD_LEVEL: Record<'city' | 'district' | 'street', Level> = {
  city: 'district',
  district: 'street',
  street: 'community',
};

/** Org staff: their own statistics, a child's (the drill-down), and the workbench (rarer at the city). */
const staffMenu = (level: 'city' | 'district' | 'street'): MenuItem[] => [
  { kind: `stats.${level}`, weight: 4 },
  { kind: `stats.${CHILD_LEVEL[level]}`, weight: 4 },
  { kind: `workbench.${level}`, weight: level === 'city' ? 1 : 2 },
];

const WRITER_MENU: MenuItem[] = [
  { kind: 'member.status_change', weight: 2 },
  { kind: 'roster.list.community', weight: 1 },
  { kind: 'member.detail', weight: 1 },
];

/** `count` distinct items of `from`, in the PRNG's order (all of them, repeated, if there are fewer). */
function pickDistinct(rnd: Random, from: readonly number[], count: number): number[] {
  const pool = [...from];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = rnd.int(0, i);
    [pool[i], pool[j]] = [pool[j] as number, pool[i] as number];
  }
  return Array.from({ length: count }, (_, i) => pool[i % pool.length] as number);
}

type Draft = Omit<SessionPlan, 'username' | 'seed' | 'childIds' | 'think'> & {
  readonly think?: readonly [number, number];
};

/** The sessions of the load run, in a fixed order; usernames say role, level and org. */
export function planSessions(orgs: CityOrgs, seed = 2026): SessionPlan[] {
  const rnd = seededRandom(seed);
  const c = SESSION_COUNTS;
  const communities = pickDistinct(rnd, orgs.communities, c.communitySecretaries + c.writers);
  const streets = pickDistinct(rnd, orgs.streets, c.streetStaff + c.importers + 1);
  const drafts: Draft[] = [
    ...communities.slice(0, c.communitySecretaries).map((orgId) => reader(orgId, 'community')),
    ...pickDistinct(rnd, orgs.branchesWithMembers, c.branchSecretaries).map((id) => reader(id, 'branch')),
    ...streets.slice(0, c.streetStaff).map((orgId) => staff(orgId, 'street')),
    ...pickDistinct(rnd, orgs.districts, c.districtStaff).map((orgId) => staff(orgId, 'district')),
    ...Array.from({ length: c.cityStaff }, () => staff(orgs.city, 'city')),
    ...communities.slice(c.communitySecretaries).map((orgId) => writer(orgId)),
    ...streets.slice(c.streetStaff, c.streetStaff + c.importers).map((orgId) => importer(orgId)),
  ];
  const hostileStreet = streets.at(-1) as number;
  const hostileMenu = [{ kind: 'hostile', weight: 1 }];
  drafts.push({ ...importer(hostileStreet), role: 'hostile', menu: hostileMenu, think: READ_THINK });
  const seen = new Map<string, number>();
  return drafts.map((d, i) => {
    const tag = `${d.role}_${d.level}_${d.orgId}`;
    const n = (seen.get(tag) ?? 0) + 1;
    seen.set(tag, n);
    return {
      ...d,
      username: `load_${tag}_${n}`,
      childIds: orgs.childrenOf.get(d.orgId) ?? [],
      think: d.think ?? READ_THINK,
      seed: seed * 1000 + i,
    };
  });
}

function reader(orgId: number, level: 'community' | 'branch'): Draft {
  return { accountRole: 'secretary', role: 'reader', orgId, level, menu: readerMenu(level) };
}

function staff(orgId: number, level: 'city' | 'district' | 'street'): Draft {
  return { accountRole: 'org_admin', role: 'staff', orgId, level, menu: staffMenu(level) };
}

function writer(orgId: number): Draft {
  return { accountRole: 'secretary', role: 'writer', orgId, level: 'community', menu: WRITER_MENU };
}

function importer(orgId: number): Draft {
  return {
    accountRole: 'org_admin',
    role: 'importer',
    orgId,
    level: 'street',
    menu: [{ kind: 'import.dry_run', weight: 1 }],
    think: IMPORT_THINK,
  };
}

/** A menu item drawn by weight. */
export function pickWeighted(rnd: Random, menu: readonly MenuItem[]): string {
  const total = menu.reduce((sum, m) => sum + m.weight, 0);
  let x = rnd.next() * total;
  for (const item of menu) {
    x -= item.weight;
    if (x < 0) return item.kind;
  }
  return (menu.at(-1) as MenuItem).kind;
}
