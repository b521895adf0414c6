/**
 * The closed vocabularies of a meeting's record (docs/organizational-life.md §2, §3, §6): its lifecycle, who is taken
 * out of 应到会 and why, how each attendee's presence was recorded, and what a 支部党员大会 votes on. Each value is
 * labelled in Chinese here and checked by the database.
 */

/** Planned → held (minutes and attendance entered) → closed (locked). Only a closed meeting counts. */
export const MEETING_STATUSES = ['planned', 'held', 'closed'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  planned: '计划',
  held: '已召开',
  closed: '已办结',
};

/**
 * Reasons to take a member out of 应到会 (CFG: the list a deployment offers is a setting; these are the values the
 * database accepts): abroad (出国出境), 停止党籍, away with a 流动党员活动证, ill or infirm (年老体弱、长期患病).
 */
export const EXPECTED_EXCLUSION_REASONS = ['abroad', 'suspended', 'flow_certificate', 'infirm'] as const;
export type ExpectedExclusionReason = (typeof EXPECTED_EXCLUSION_REASONS)[number];
export const EXPECTED_EXCLUSION_REASON_LABELS: Record<ExpectedExclusionReason, string> = {
  abroad: '出国（境）',
  suspended: '停止党籍',
  flow_certificate: '持《流动党员活动证》外出',
  infirm: '年老体弱或长期患病',
};

/** 出席, 请假 (with its reason), 缺席. */
export const ATTENDANCE_STATUSES = ['present', 'leave', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const ATTENDANCE_STATUS_LABELS: Record<AttendanceStatus, string> = {
  present: '出席',
  leave: '请假',
  absent: '缺席',
};

/** How an attendance was recorded: the member's own QR check-in, or the secretary's entry (audited). */
export const CHECK_IN_SOURCES = ['qr', 'secretary'] as const;
export type CheckInSource = (typeof CHECK_IN_SOURCES)[number];
export const CHECK_IN_SOURCE_LABELS: Record<CheckInSource, string> = {
  qr: '扫码签到',
  secretary: '书记登记',
};

/** What a 支部党员大会 votes on (only a general meeting may: docs/organizational-life.md §6). */
export const VOTE_SUBJECTS = [
  'admission',
  'confirmation',
  'extension',
  'disposal',
  'election',
  'other',
] as const;
export type VoteSubject = (typeof VOTE_SUBJECTS)[number];
export const VOTE_SUBJECT_LABELS: Record<VoteSubject, string> = {
  admission: '接收预备党员',
  confirmation: '预备党员转正',
  extension: '延长预备期',
  disposal: '处置党员',
  election: '选举',
  other: '其他事项',
};

export const VOTE_CHOICES = ['in_favour', 'against', 'abstain'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];
export const VOTE_CHOICE_LABELS: Record<VoteChoice, string> = {
  in_favour: '赞成',
  against: '反对',
  abstain: '弃权',
};
