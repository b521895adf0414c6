import { WORK_POST_CODES, type WorkPostCode, workPostTopGroup } from '../codes/index.ts';
import type { IsoDate } from '../shared/index.ts';
import { type Denial, deny } from '../shared/index.ts';
import type { MemberCategory, MemberStatus } from './member-status.ts';
import type { MembershipReason } from './reasons.ts';

/**
 * Rules of one row of a member roster as the 2017 《党员基本信息汇总表》 and the Jiceng template keep it
 * (docs/official-forms.md §3, §6.3, §6.8): how the form's 人员类别 / 党籍状态 / 是否为失联党员 become one
 * status, and which blanks are legitimate. The member rules proper (age at admission, 预备期) are
 * checkNewMember's.
 */
export const ROSTER_FORM = '《党员基本信息汇总表》（2017）';

/** The facts of a row that these rules look at; null is a blank cell. */
export type RosterFacts = {
  /** 人员类别. */
  readonly kind: 'full' | 'probationary' | null;
  /** 党籍状态 = 停止党籍. */
  readonly suspended: boolean;
  /** 是否为失联党员 = 是. */
  readonly unreachable: boolean;
  readonly lostContactOn: IsoDate | null;
  /** 是否为流动党员 = 是. */
  readonly isMobile: boolean;
  readonly outflowDestination: string | null;
  readonly admittedOn: IsoDate | null;
};

/** A finding about one field of the row. */
export type RosterIssue = { readonly field: RosterField; readonly denial: Denial<MembershipReason> };
export type RosterField = 'kind' | 'lostContactOn' | 'outflowDestination' | 'isUnreachable';

export type RosterDecision = {
  /** Null when the row cannot be given one (人员类别 missing where it is required). */
  readonly status: MemberStatus | null;
  readonly errors: readonly RosterIssue[];
  readonly warnings: readonly RosterIssue[];
};

const issue = (field: RosterField, reason: MembershipReason, message: string): RosterIssue => ({
  field,
  denial: deny(reason, message, { article: ROSTER_FORM }),
});

/**
 * 停止党籍 outranks 失联: a member who lost contact for six months may have their standing suspended, and
 * the suspension is the decision of record. 失联 / 停止党籍 members may arrive with only the fields that are
 * known (安徽 relay, docs/official-forms.md §6.3), so 人员类别 is required only of the others.
 */
function statusOf(facts: RosterFacts): MemberStatus | null {
  if (facts.suspended) return 'suspended';
  if (facts.unreachable) return 'unreachable';
  return facts.kind;
}

function lostContactIssues(facts: RosterFacts): { errors: RosterIssue[]; warnings: RosterIssue[] } {
  const errors: RosterIssue[] = [];
  const warnings: RosterIssue[] = [];
  const { lostContactOn, unreachable, suspended, admittedOn } = facts;
  if (lostContactOn !== null && !unreachable) {
    errors.push(issue('lostContactOn', 'lost_contact_date_not_unreachable', '只有失联党员填写失去联系日期'));
  }
  if (lostContactOn !== null && admittedOn !== null && lostContactOn < admittedOn) {
    errors.push(issue('lostContactOn', 'lost_contact_before_admission', '失去联系日期早于加入党组织日期'));
  }
  if (unreachable && !suspended && lostContactOn === null) {
    warnings.push(issue('lostContactOn', 'lost_contact_date_missing', '失联党员未填写失去联系日期'));
  }
  if (unreachable && suspended) {
    warnings.push(
      issue(
        'isUnreachable',
        'suspended_and_unreachable',
        '已停止党籍的党员按“停止党籍”记录，失联信息不单独保存',
      ),
    );
  }
  return { errors, warnings };
}

function outflowIssues(facts: RosterFacts): RosterIssue[] {
  if (facts.outflowDestination !== null && !facts.isMobile) {
    return [issue('outflowDestination', 'outflow_not_mobile', '只有流动党员填写外出流向')];
  }
  if (facts.isMobile && facts.outflowDestination === null) {
    return [issue('outflowDestination', 'outflow_missing', '流动党员应填写外出流向')];
  }
  return [];
}

/** The status of the row and what is wrong with its conditional blanks. */
export function decideRosterRow(facts: RosterFacts): RosterDecision {
  const lost = lostContactIssues(facts);
  const errors = [...lost.errors, ...outflowIssues(facts)];
  const status = statusOf(facts);
  if (status === null) {
    errors.push(issue('kind', 'member_kind_missing', '请填写人员类别（正式党员或预备党员）'));
  }
  return { status, errors, warnings: lost.warnings };
}

/** 工作岗位 codes whose holders pay dues as 个体经营 or as 下岗失业 (中组发〔2008〕3号 第二、五条). */
const SELF_EMPLOYED_POSTS: readonly string[] = ['604', '605'];
const UNEMPLOYED_POSTS: readonly string[] = ['606', '609', '613'];

/**
 * The member category (党员类别, for dues) that the 工作岗位 implies, for rosters that have no such column (the
 * 2017 form): 0 在岗职工 and 2 解放军、武警 → 在职, 1 农牧渔民 → 农民 (but 123 外出务工经商 → 其他), 3 学生 → 学生,
 * 5 离退休 → 离退休, 604/605 → 个体经营, 606/609/613 → 下岗失业, the rest of 6 → 其他. Null without a post.
 */
export function categoryFromWorkPost(code: string | null): MemberCategory | null {
  if (code === null || !WORK_POST_CODES.includes(code as WorkPostCode)) return null;
  if (SELF_EMPLOYED_POSTS.includes(code)) return 'self_employed';
  if (UNEMPLOYED_POSTS.includes(code)) return 'unemployed';
  if (code === '123') return 'other';
  const top = workPostTopGroup(code as WorkPostCode);
  const byGroup: Record<string, MemberCategory> = {
    '0': 'employed',
    '1': 'farmer',
    '2': 'employed',
    '3': 'student',
    '5': 'retired',
    '6': 'other',
  };
  return byGroup[top] ?? 'other';
}
