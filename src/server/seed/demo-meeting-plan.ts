import type { MeetingKind, MeetingStatus } from '../../domain/org-life/index.ts';
import { addDays, daysBetween, type IsoDate } from '../../domain/shared/index.ts';
import type { DemoOrg } from './demo-members.ts';
import type { Random } from './random.ts';

/** Who a demo meeting expects: the whole branch (with its 党小组), one 党小组, or the branch's committee. */
export type Audience = 'branch' | 'group' | 'committee';

export type PlannedMeeting = {
  orgId: number;
  /** The branch it belongs to (the org itself, or the group's branch). */
  branchId: number;
  audience: Audience;
  kinds: MeetingKind[];
  status: MeetingStatus;
  on: IsoDate;
  /** Start hour in the deployment's calendar (UTC+8). */
  hour: number;
  topic: string;
  minutes: string | null;
  resolutions: string | null;
  givenByHead: boolean;
};

/** How often a planned meeting is held in the coming weeks, and how far ahead the demo plans. */
const PLAN_AHEAD_DAYS = 28;
/** A meeting of the last weeks may still wait for its minutes to be closed. */
const RECENT_DAYS = 40;

const THEME_TOPICS = [
  '学习《中国共产党章程》',
  '学习贯彻党的二十大精神',
  '开展志愿服务进社区',
  '学习《中国共产党纪律处分条例》',
  '党史学习教育专题研讨',
  '社区环境整治义务劳动',
  '学习习近平新时代中国特色社会主义思想',
  '重温入党誓词',
  '走访慰问困难党员群众',
  '学习《中国共产党支部工作条例（试行）》',
  '垃圾分类宣传志愿服务',
  '学习全国两会精神',
];
const COMMITTEE_TOPICS = [
  '研究本月支部工作安排',
  '研究发展党员工作',
  '研究党费收缴情况',
  '研究主题党日活动方案',
  '研究困难党员帮扶事项',
  '讨论支部党员大会议题',
];
const GROUP_TOPICS = ['集中学习', '交流学习体会', '讨论社区议事事项', '开展谈心谈话', '学习党的理论'];

/** A branch's habits: most keep the rhythm, some skip months, a few skip often. */
type Profile = { skip: number; closeLate: number };
function profileOf(rnd: Random): Profile {
  const roll = rnd.next();
  if (roll < 0.6) return { skip: 0.03, closeLate: 0.25 };
  if (roll < 0.9) return { skip: 0.22, closeLate: 0.35 };
  return { skip: 0.45, closeLate: 0.5 };
}

/** The quarter (1–4) a month (1–12) lies in. */
const quarterOf = (month: number) => Math.ceil(month / 3);

/** The year and quarter before the one `today` lies in: the last quarter whose 党员大会 could be missing. */
export function lastClosedQuarter(today: IsoDate): { year: number; quarter: number } {
  const year = Number(today.slice(0, 4));
  const quarter = quarterOf(Number(today.slice(5, 7)));
  return quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 };
}

const dayOf = (year: number, month: number, day: number): IsoDate =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as IsoDate;

/**
 * The demo city's meetings of last year and this year up to today, and those planned for the coming weeks: per
 * branch a 主题党日 each month (in a quarter's first month held as the 支部党员大会 with a 党课), a 支委会 each month,
 * the 组织生活会 in December; per 党小组 a 党小组会 each month. With gaps as real branches have them: months skipped,
 * meetings held but not yet closed (mostly recent ones), and the 党员大会 of one quarter missing in a few branches —
 * always in `gapBranchId` (the demo secretary's branch) for the last quarter over, so the dashboard shows one.
 * Deterministic for a seed and a day.
 */
export function planDemoMeetings(
  rnd: Random,
  orgs: readonly DemoOrg[],
  today: IsoDate,
  gapBranchId: number,
): PlannedMeeting[] {
  const thisYear = Number(today.slice(0, 4));
  const horizon = addDays(today, PLAN_AHEAD_DAYS);
  const gap = lastClosedQuarter(today);
  const planned: PlannedMeeting[] = [];
  const groupsOf = new Map<number, DemoOrg[]>();
  for (const o of orgs) {
    if (o.kind !== 'group' || o.parentId === null) continue;
    groupsOf.set(o.parentId, [...(groupsOf.get(o.parentId) ?? []), o]);
  }
  for (const branch of orgs.filter((o) => o.kind === 'branch')) {
    const profile = profileOf(rnd);
    const offset = rnd.int(0, 8);
    // A few branches miss the 党员大会 of one quarter (and the 党课 held with it).
    const missed =
      branch.id === gapBranchId
        ? gap
        : rnd.chance(0.06)
          ? { year: thisYear - rnd.int(0, 1), quarter: rnd.int(1, 4) }
          : null;
    const add = (
      org: DemoOrg,
      audience: Audience,
      kinds: MeetingKind[],
      on: IsoDate,
      hour: number,
      topic: string,
    ) => {
      if (on > horizon) return;
      const past = on <= today;
      const recent = past && daysBetween(on, today) <= RECENT_DAYS;
      const status: MeetingStatus = !past
        ? 'planned'
        : rnd.chance(recent ? profile.closeLate : 0.02)
          ? 'held'
          : 'closed';
      const general = kinds.includes('general_meeting');
      planned.push({
        orgId: org.id,
        branchId: branch.id,
        audience,
        kinds,
        status,
        on,
        hour,
        topic,
        minutes: past ? minutesOf(topic, kinds) : null,
        resolutions: past && general ? '一、通过本次会议议题；二、全体党员按要求抓好落实。' : null,
        givenByHead: kinds.includes('party_lecture') && on.slice(5, 7) === '10',
      });
    };
    for (const year of [thisYear - 1, thisYear]) {
      for (let month = 1; month <= 12; month++) {
        const quarterStart = month % 3 === 1;
        const isMissed = missed?.year === year && missed.quarter === quarterOf(month);
        const theme = THEME_TOPICS[(month + offset) % THEME_TOPICS.length] as string;
        if (quarterStart && !isMissed) {
          add(
            branch,
            'branch',
            ['general_meeting', 'theme_day', 'party_lecture'],
            dayOf(year, month, 10 + offset),
            14,
            theme,
          );
        } else if (!rnd.chance(profile.skip)) {
          add(branch, 'branch', ['theme_day'], dayOf(year, month, 10 + offset), 14, theme);
        }
        if (!rnd.chance(profile.skip)) {
          const topic = COMMITTEE_TOPICS[(month + offset) % COMMITTEE_TOPICS.length] as string;
          add(branch, 'committee', ['committee_meeting'], dayOf(year, month, 2 + offset), 9, topic);
        }
        for (const group of groupsOf.get(branch.id) ?? []) {
          if (rnd.chance(profile.skip)) continue;
          const topic = GROUP_TOPICS[(month + group.id) % GROUP_TOPICS.length] as string;
          add(group, 'group', ['group_meeting'], dayOf(year, month, 18 + rnd.int(0, 8)), 19, topic);
        }
      }
      add(branch, 'branch', ['life_meeting'], dayOf(year, 12, 20), 9, `${year}年度组织生活会`);
    }
  }
  return planned;
}

function minutesOf(topic: string, kinds: readonly MeetingKind[]): string {
  const parts = [`会议主题：${topic}。`];
  if (kinds.includes('general_meeting')) parts.push('书记通报本季度支部工作情况，部署下季度工作。');
  if (kinds.includes('party_lecture')) parts.push('支部书记讲党课，党员结合实际交流学习体会。');
  if (kinds.includes('committee_meeting')) parts.push('支委逐项讨论，形成一致意见。');
  if (kinds.includes('life_meeting')) parts.push('党员逐一对照检查，开展批评和自我批评，明确整改措施。');
  if (kinds.includes('group_meeting')) parts.push('党小组长领学，党员逐一发言。');
  parts.push('与会党员表示将把学习成果转化为做好本职工作的实际行动。');
  return parts.join('');
}
