import { HAN } from '../../domain/codes/index.ts';
import type { Gender, MemberCategory } from '../../domain/membership/index.ts';
import { admittedWithoutProbation, probationEndOf } from '../../domain/membership/index.ts';
import { addDays, addYears, type IsoDate } from '../../domain/shared/index.ts';
import { GIVEN_NAMES_BY, OUTFLOW_DESTINATIONS, SURNAMES } from './demo-names.ts';
import type { Random } from './random.ts';

/**
 * One invented member of the demo roster: who they are and their standing when first recorded. Proportions
 * follow a city community roster (docs/official-forms.md §5 codes): mostly 退休人员, 汉族 with some minorities,
 * education by generation, admission dates over the four official periods (a few before 1949).
 */
export type DemoPerson = {
  name: string;
  gender: Gender;
  ethnicity: string | null;
  birthDate: IsoDate;
  education: string | null;
  workPost: string;
  phoneMobile: string;
  address: string;
};
export type DemoMember = {
  person: DemoPerson;
  orgId: number;
  category: MemberCategory;
  admittedOn: IsoDate;
  /** Null while probationary. */
  confirmedOn: IsoDate | null;
  isMobile: boolean;
  outflowDestination: string | null;
  isHardship: boolean;
};

type Weighted<T> = readonly (readonly [T, number])[];

export function weighted<T>(rnd: Random, items: Weighted<T>): T {
  const total = items.reduce((n, [, w]) => n + w, 0);
  let roll = rnd.next() * total;
  for (const [item, w] of items) {
    roll -= w;
    if (roll < 0) return item;
  }
  return (items.at(-1) as readonly [T, number])[0];
}

type Profile = {
  readonly posts: Weighted<string>;
  readonly born: readonly [number, number];
  readonly category: MemberCategory;
};

// biome-ignore format: one profile a line
export const PROFILES = {
  retired: { posts: [['502', 88], ['503', 3], ['504', 7], ['501', 2]], born: [1936, 1965], category: 'retired' },
  publicSector: { posts: [['011', 10], ['012', 5], ['0211', 10], ['0212', 25], ['0213', 15], ['0214', 10], ['0311', 10], ['0314', 5], ['0315', 10]], born: [1966, 1998], category: 'employed' },
  privateSector: { posts: [['0215', 30], ['0216', 35], ['0312', 25], ['0217', 5], ['0218', 5]], born: [1970, 2000], category: 'employed' },
  communityWorker: { posts: [['602', 100]], born: [1975, 2000], category: 'employed' },
  selfEmployed: { posts: [['604', 100]], born: [1965, 1995], category: 'self_employed' },
  freelance: { posts: [['605', 60], ['612', 40]], born: [1965, 1998], category: 'other' },
  unemployed: { posts: [['613', 60], ['609', 40]], born: [1962, 1990], category: 'unemployed' },
  student: { posts: [['311', 30], ['312', 10], ['313', 30], ['301', 10], ['303', 20]], born: [2001, 2006], category: 'student' },
  migrant: { posts: [['123', 100]], born: [1968, 1996], category: 'farmer' },
  military: { posts: [['2', 100]], born: [1988, 2000], category: 'employed' },
} as const satisfies Record<string, Profile>;
export type ProfileName = keyof typeof PROFILES;

/** The mix of a branch, read from its name: a 离退休 branch is retirees, a 流动 branch migrants… */
export function profileMix(branchName: string): Weighted<ProfileName> {
  if (branchName.includes('离退休'))
    return [
      ['retired', 97],
      ['freelance', 3],
    ];
  if (branchName.includes('流动'))
    return [
      ['migrant', 60],
      ['privateSector', 30],
      ['selfEmployed', 10],
    ];
  if (branchName.includes('两新'))
    return [
      ['privateSector', 85],
      ['selfEmployed', 10],
      ['freelance', 5],
    ];
  if (branchName.includes('物业'))
    return [
      ['privateSector', 60],
      ['communityWorker', 20],
      ['retired', 20],
    ];
  if (branchName.includes('网格'))
    return [
      ['communityWorker', 50],
      ['retired', 40],
      ['freelance', 10],
    ];
  // biome-ignore format: one mix
  return [['retired', 56], ['publicSector', 16], ['privateSector', 11], ['communityWorker', 3], ['selfEmployed', 3], ['freelance', 4], ['unemployed', 2], ['student', 2], ['migrant', 2], ['military', 1]];
}

// biome-ignore format: one generation a line
const EDUCATION_BY_BIRTH: readonly [number, Weighted<string>][] = [
  [1950, [['8', 20], ['7', 35], ['6', 25], ['41', 10], ['22', 7], ['21', 3]]],
  [1970, [['7', 25], ['6', 30], ['41', 15], ['44', 3], ['47', 3], ['22', 14], ['21', 8], ['2D', 2]]],
  [1985, [['6', 10], ['41', 10], ['22', 30], ['21', 35], ['12', 8], ['2B', 4], ['2D', 3]]],
  [9999, [['6', 3], ['22', 25], ['21', 55], ['12', 15], ['11', 2]]],
];
// biome-ignore format: 02 蒙古 03 回 04 藏 06 苗 08 壮 10 朝鲜 11 满 15 土家
const MINORITIES: Weighted<string> = [['03', 30], ['11', 25], ['02', 12], ['08', 10], ['10', 8], ['15', 8], ['06', 4], ['04', 3]];

function dateIn(rnd: Random, from: IsoDate, to: IsoDate): IsoDate {
  const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  return addDays(from, rnd.int(0, Math.max(span, 0)));
}

function personOf(rnd: Random, profile: Profile, birthDate: IsoDate, community: string): DemoPerson {
  const gender: Gender = rnd.chance(profile === PROFILES.retired ? 0.42 : 0.36) ? 'female' : 'male';
  const year = Number(birthDate.slice(0, 4));
  const names = GIVEN_NAMES_BY[gender][year < 1976 ? 'older' : 'younger'];
  const education = rnd.chance(0.01)
    ? null
    : weighted(rnd, (EDUCATION_BY_BIRTH.find(([before]) => year < before) as [number, Weighted<string>])[1]);
  return {
    name: rnd.pick(SURNAMES) + rnd.pick(names),
    gender,
    ethnicity: rnd.chance(0.005) ? null : rnd.chance(0.06) ? weighted(rnd, MINORITIES) : HAN,
    birthDate,
    education,
    workPost: weighted(rnd, profile.posts),
    // 139 0000 xxxx: an unassigned-looking block, so that no real subscriber is called from the demo.
    phoneMobile: `1390000${String(rnd.int(0, 9999)).padStart(4, '0')}`,
    address: `示例市${community}社区${rnd.int(1, 30)}栋${rnd.int(1, 4)}单元${rnd.int(1, 18)}0${rnd.int(1, 4)}室`,
  };
}

/** A member admitted at 18–45, confirmed after the 预备期 (at once in 1969–1977, when there was none). */
export function demoMember(
  rnd: Random,
  orgId: number,
  profileName: ProfileName,
  community: string,
  today: IsoDate,
  probationary: boolean,
): DemoMember {
  const profile: Profile = PROFILES[profileName];
  const [from, to] = probationary ? [Math.max(profile.born[0], 1975), 2004] : profile.born;
  const birthDate = dateIn(rnd, `${from}-01-01`, `${to}-12-31`);
  const adult = addYears(birthDate, 18);
  const admittedOn = probationary
    ? addDays(today, -rnd.int(200, 420))
    : dateIn(rnd, adult, [addYears(adult, rnd.int(2, 27)), addDays(today, -400)].sort()[0] as IsoDate);
  const isMobile = profileName === 'migrant' ? rnd.chance(0.7) : rnd.chance(0.01);
  return {
    person: personOf(rnd, profile, birthDate, community),
    orgId,
    category: profile.category === 'retired' && rnd.chance(0.03) ? 'welfare' : profile.category,
    admittedOn,
    confirmedOn: probationary
      ? null
      : admittedWithoutProbation(admittedOn)
        ? admittedOn
        : probationEndOf(admittedOn),
    isMobile,
    outflowDestination: isMobile ? rnd.pick(OUTFLOW_DESTINATIONS) : null,
    isHardship: rnd.chance(profile.category === 'retired' ? 0.06 : 0.015),
  };
}

/** One of the few members still on the roster who joined before 1949 (离休干部, now in their late 90s). */
export function veteranMember(rnd: Random, orgId: number, community: string): DemoMember {
  const birthDate = dateIn(rnd, '1927-01-01', '1930-06-30');
  const admittedOn = dateIn(rnd, addYears(birthDate, 18), '1949-09-15');
  return {
    person: { ...personOf(rnd, PROFILES.retired, birthDate, community), workPost: '501' },
    orgId,
    category: 'retired',
    admittedOn,
    confirmedOn: probationEndOf(admittedOn),
    isMobile: false,
    outflowDestination: null,
    isHardship: rnd.chance(0.3),
  };
}
