import { addMonths, type Denial, deny, type IsoDate } from '../shared/index.ts';
import { admittedWithoutProbation, PROBATION_ARTICLE, probationEndOf } from './probation.ts';
import type { MembershipReason } from './reasons.ts';

/**
 * The 转正 date as the rules set it (docs/membership.md §3.2–§3.4), one rule for both paths: the 转正 change
 * dates confirmation on it (checkMemberEvent) and recording a full member checks the date given against it
 * (checkNewMember, the form, the API and the import alike). Old records judged by the 党章 of their day warn
 * rather than refuse.
 */

/** A finding the rules accept but the user should see; recorded with the change it was raised on. */
export type MemberWarning = { readonly reason: MembershipReason; readonly message: string };

/** 党的八大 (1956-09-26): before it the 候补期 could be none, 3 or 6 months (六大、七大党章). */
export const CANDIDATE_PERIOD_UNTIL: IsoDate = '1956-09-25';
/** 延长预备期: no less than 6 months, no more than a year, counted from the end of the original year. */
export const EXTENSION_MIN_MONTHS = 6;
export const EXTENSION_MAX_MONTHS = 12;
/** An extension decided more than this many months before the original year ends is flagged [inf]. */
export const EXTENSION_EARLY_MONTHS = 1;

/** The end of the 预备期 the member is confirmed on: the extended end if extended, else admission + 1 year. */
export function confirmationDay(admittedOn: IsoDate, probationEndsOn: IsoDate | null): IsoDate {
  return probationEndsOn ?? probationEndOf(admittedOn);
}

/** The window an extended 预备期 may end in (6 to 12 months after the original year; 党章第七条). */
export function extensionWindow(admittedOn: IsoDate): { earliest: IsoDate; latest: IsoDate } {
  const original = probationEndOf(admittedOn);
  return {
    earliest: addMonths(original, EXTENSION_MIN_MONTHS),
    latest: addMonths(original, EXTENSION_MAX_MONTHS),
  };
}

/** An extended end outside the window is refused, on the status path and at registration alike. */
export function checkExtendedEnd(admittedOn: IsoDate, to: IsoDate | undefined | null) {
  const { earliest, latest } = extensionWindow(admittedOn);
  if (to && to >= earliest && to <= latest) return null;
  return deny(
    'probation_extension_out_of_range',
    `延长后的预备期应在${earliest}至${latest}之间届满（延长6个月至1年）`,
    { article: PROBATION_ARTICLE, details: { earliest, latest } },
  );
}

/** An extension decided well before the original year ends (normally the 转正 discussion decides it). */
export function extensionTimingWarnings(admittedOn: IsoDate, decidedOn: IsoDate): MemberWarning[] {
  const original = probationEndOf(admittedOn);
  if (decidedOn >= addMonths(original, -EXTENSION_EARLY_MONTHS)) return [];
  return [
    {
      reason: 'extension_decided_early',
      message: `延长预备期一般在预备期满（${original}）讨论转正时决定，本次决定日期早于届满一个月以上，请核对`,
    },
  ];
}

type Era = 'candidate_period' | 'no_probation' | 'current';

/** Which 党章 the admission falls under for the 预备期 (docs/membership.md §3.3). */
export function probationEraOf(admittedOn: IsoDate): Era {
  if (admittedOn <= CANDIDATE_PERIOD_UNTIL) return 'candidate_period';
  if (admittedWithoutProbation(admittedOn)) return 'no_probation';
  return 'current';
}

const CANDIDATE_PERIODS: readonly [number, string][] = [
  [0, '无候补期'],
  [3, '候补期3个月'],
  [6, '候补期6个月'],
];

/**
 * Warnings on the 转正 date of an old record, judged by the 党章 of its day (docs/membership.md §3.3): before
 * 1956-09-26 a 候补期 of none, 3 or 6 months; from 1969-04-01 to 1977-08-11 none. A record that follows its
 * era's rule is noted; one that follows neither its era nor today's is accepted and flagged for checking.
 * Empty for records judged by today's rule (those are refused instead, confirmationDenial).
 */
export function confirmationWarnings(admittedOn: IsoDate, confirmedOn: IsoDate | null): MemberWarning[] {
  if (confirmedOn === null || confirmedOn < admittedOn) return [];
  const era = probationEraOf(admittedOn);
  if (era === 'candidate_period') {
    if (confirmedOn === probationEndOf(admittedOn)) return [];
    const period = CANDIDATE_PERIODS.find(([months]) => addMonths(admittedOn, months) === confirmedOn);
    if (period) {
      return [
        {
          reason: 'confirmed_under_old_rules',
          message: `1956年9月26日（党的八大）以前入党，${period[1]}，按当时党章记录，与现行一年预备期不同`,
        },
      ];
    }
    return [
      {
        reason: 'confirmed_outside_era_rule',
        message:
          '1956年9月26日以前入党，转正时间与当时党章的候补期（无、3个月或6个月）及现行一年预备期均不符，请核对档案',
      },
    ];
  }
  if (era === 'no_probation') {
    if (confirmedOn === admittedOn) {
      return [
        {
          reason: 'confirmed_under_old_rules',
          message: '1969年4月1日至1977年8月11日入党，当时党章未规定预备期，转正时间与入党时间相同',
        },
      ];
    }
    return [
      {
        reason: 'confirmed_outside_era_rule',
        message:
          '1969年4月1日至1977年8月11日入党，当时党章未规定预备期，转正时间应与入党时间相同，请核对档案',
      },
    ];
  }
  return [];
}

export type ConfirmationFacts = {
  readonly status: 'probationary' | 'full';
  readonly admittedOn: IsoDate;
  readonly confirmedOn: IsoDate | null;
  /** A documented extension: the end of the extended 预备期. */
  readonly probationEndsOn: IsoDate | null;
};

/**
 * The 转正 date of a member being recorded (docs/membership.md §3.2): a 预备党员 has none; a 正式党员's is the end
 * of the 预备期 — admission + 1 year, or the end of a documented extension (6–12 months later) — not in the
 * future. Old records (before 1956-09-26; 1969-04-01 to 1977-08-11) are judged by the 党章 of their day and
 * warn instead (confirmationWarnings).
 */
export function confirmationDenial(f: ConfirmationFacts, today: IsoDate): Denial<MembershipReason> | null {
  const extension = f.probationEndsOn === null ? null : checkExtendedEnd(f.admittedOn, f.probationEndsOn);
  if (extension) return extension;
  if (f.status === 'probationary') {
    if (f.confirmedOn === null) return null;
    return deny('probationary_has_confirmed_on', '预备党员不应填写转正时间', { article: PROBATION_ARTICLE });
  }
  if (f.confirmedOn === null) {
    return deny('confirmed_on_required', '正式党员须填写转正时间', { article: PROBATION_ARTICLE });
  }
  if (f.confirmedOn > today) {
    return deny('confirmed_in_future', '转正时间不能晚于今天', { article: PROBATION_ARTICLE });
  }
  const day = confirmationDay(f.admittedOn, f.probationEndsOn);
  const old = probationEraOf(f.admittedOn) !== 'current' && f.probationEndsOn === null;
  if (f.confirmedOn < (old ? f.admittedOn : day)) {
    return deny('confirmed_too_early', `转正时间应为预备期满之日（${day}），不能早于该日`, {
      article: PROBATION_ARTICLE,
      details: { earliest: old ? f.admittedOn : day },
    });
  }
  if (!old && f.confirmedOn !== day) {
    const hint = f.probationEndsOn === null ? '；预备期延长过的，请同时填写延长后的预备期届满日期' : '';
    return deny(
      'confirmed_not_at_probation_end',
      `转正时间应为预备期满之日（${day}），与支部大会讨论的日期无关${hint}`,
      { article: PROBATION_ARTICLE, details: { expected: day } },
    );
  }
  return null;
}

/**
 * `probation_ends_on` of a newly recorded member: the documented extension, else the end of the year; for an
 * old record, the day its 候补期 ended (null when it had none).
 */
export function recordedProbationEnd(
  f: Pick<ConfirmationFacts, 'admittedOn' | 'confirmedOn' | 'probationEndsOn'>,
): IsoDate | null {
  if (f.probationEndsOn !== null) return f.probationEndsOn;
  if (f.confirmedOn !== null && probationEraOf(f.admittedOn) !== 'current') {
    return f.confirmedOn === f.admittedOn ? null : f.confirmedOn;
  }
  return probationEndOf(f.admittedOn);
}
