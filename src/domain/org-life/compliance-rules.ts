import { BRANCH_KINDS, type OrgKind } from '../org/index.ts';
import type { IsoDate } from '../shared/index.ts';
import type { Cadence } from './periods.ts';

/** The kinds of meeting (GLOSSARY.md, Organizational life; docs/organizational-life.md §1). */
export const MEETING_KINDS = [
  'general_meeting',
  'committee_meeting',
  'group_meeting',
  'party_lecture',
  'theme_day',
  'life_meeting',
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  general_meeting: '支部党员大会',
  committee_meeting: '支部委员会会议',
  group_meeting: '党小组会',
  party_lecture: '党课',
  theme_day: '主题党日',
  life_meeting: '组织生活会',
};

/**
 * One requirement of organizational life (docs/organizational-life.md §7.2): at least `minCount` closed meetings of
 * `meetingKind` in each period of `cadence`, for the org kinds listed.
 */
export type ComplianceRequirement = {
  /** Stable key, also what an exemption names. */
  readonly id: string;
  readonly meetingKind: MeetingKind;
  readonly cadence: Cadence;
  readonly minCount: number;
  readonly appliesTo: readonly OrgKind[];
  /** Only an org that has a committee (支部委员会) must meet as one; a branch with only a 书记 has none. */
  readonly needsCommittee: boolean;
  /** Counted for each 党小组 of the branch separately, on the meetings held by that group. */
  readonly perGroup: boolean;
  /** Only meetings given by the org's head (书记讲党课) count. */
  readonly byHead: boolean;
  readonly article: string;
  /** Rests on local practice, not on a national article ([L]). */
  readonly local: boolean;
};

/** A version of the rules (CFG): in force from `validFrom` until the next version's. */
export type ComplianceRuleSet = {
  readonly version: string;
  readonly validFrom: IsoDate;
  readonly requirements: readonly ComplianceRequirement[];
  /** Whether one meeting counts for every kind it is recorded as (a 主题党日 held as a 党员大会 with a 党课). */
  readonly oneMeetingManyKinds: boolean;
  /** The reminder before a period ends with a requirement still unmet (days, CFG). */
  readonly reminderDays: number;
};

const BRANCHES: readonly OrgKind[] = BRANCH_KINDS;
const REGULATION = '中国共产党支部工作条例（试行）';

/**
 * The default rules (docs/organizational-life.md §1, §7.2), from 2018-10-28, when the 支部工作条例 took effect:
 * 党员大会 quarterly (第十一条), 支委会 monthly (第十二条), 党小组会 monthly (第十三条), 党课 quarterly [L] and one a
 * year by the 书记 [L] (第十五条), 主题党日 monthly (第十六条), 组织生活会 yearly (第十七条).
 */
export const DEFAULT_COMPLIANCE_RULES: ComplianceRuleSet = {
  version: '2018-支部工作条例',
  validFrom: '2018-10-28',
  oneMeetingManyKinds: true,
  reminderDays: 15,
  requirements: [
    rule('general_meeting_quarterly', 'general_meeting', 'quarter', `${REGULATION}第十一条`),
    {
      ...rule('committee_meeting_monthly', 'committee_meeting', 'month', `${REGULATION}第十二条`),
      needsCommittee: true,
    },
    { ...rule('group_meeting_monthly', 'group_meeting', 'month', `${REGULATION}第十三条`), perGroup: true },
    { ...rule('party_lecture_quarterly', 'party_lecture', 'quarter', `${REGULATION}第十五条`), local: true },
    {
      ...rule('party_lecture_by_secretary_yearly', 'party_lecture', 'year', `${REGULATION}第十五条`),
      byHead: true,
      local: true,
    },
    rule('theme_day_monthly', 'theme_day', 'month', `${REGULATION}第十六条`),
    rule('life_meeting_yearly', 'life_meeting', 'year', `${REGULATION}第十七条`),
  ],
};

function rule(
  id: string,
  meetingKind: MeetingKind,
  cadence: Cadence,
  article: string,
): ComplianceRequirement {
  return {
    id,
    meetingKind,
    cadence,
    minCount: 1,
    appliesTo: BRANCHES,
    needsCommittee: false,
    perGroup: false,
    byHead: false,
    article,
    local: false,
  };
}

/** The version in force on a date: the latest `validFrom` not after it; null before the first (docs/organizational-life.md §7.2). */
export function ruleSetInForce(sets: readonly ComplianceRuleSet[], date: IsoDate): ComplianceRuleSet | null {
  let found: ComplianceRuleSet | null = null;
  for (const set of sets) {
    if (set.validFrom <= date && (found === null || set.validFrom > found.validFrom)) found = set;
  }
  return found;
}
