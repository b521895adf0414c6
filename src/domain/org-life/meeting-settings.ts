import { DEFAULT_MAX_ATTACHMENT_MB } from './attachments.ts';
import { DEFAULT_MAKE_UP_DAYS } from './attendance.ts';
import { DEFAULT_CHECK_IN_AFTER_MINUTES, DEFAULT_CHECK_IN_BEFORE_MINUTES } from './check-in.ts';
import { EXPECTED_EXCLUSION_REASONS, type ExpectedExclusionReason } from './meetings.ts';

/**
 * The parameters of meetings a deployment configures (CFG; docs/organizational-life.md §2, §4), with their defaults:
 * every reason of the closed list offered, 补课 within 30 days, check-in from 30 minutes before to 120 minutes after,
 * attachments up to 10 MB.
 */
export type OrgLifeSettings = {
  readonly exclusionReasons: readonly ExpectedExclusionReason[];
  readonly makeUpDays: number;
  readonly checkInBeforeMinutes: number;
  readonly checkInAfterMinutes: number;
  readonly maxAttachmentMb: number;
};

export const DEFAULT_ORG_LIFE_SETTINGS: OrgLifeSettings = {
  exclusionReasons: EXPECTED_EXCLUSION_REASONS,
  makeUpDays: DEFAULT_MAKE_UP_DAYS,
  checkInBeforeMinutes: DEFAULT_CHECK_IN_BEFORE_MINUTES,
  checkInAfterMinutes: DEFAULT_CHECK_IN_AFTER_MINUTES,
  maxAttachmentMb: DEFAULT_MAX_ATTACHMENT_MB,
};
