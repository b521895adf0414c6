import {
  type DecisionKind,
  LEAVING_CATEGORIES,
  LEAVING_PROCEDURE_OF,
  type LeavingCategory,
  type LeavingProcedure,
  leaveNeedsApproval,
  type MemberStatus,
  probationEndOf,
  type StatusChangeKind,
} from '../../../domain/membership/index.ts';
import { addMonths, type IsoDate } from '../../../domain/shared/index.ts';

export type { StatusChangeKind };

/** What a status change asks for besides its date, and what it tells the user will happen. */
export type StatusChange = {
  readonly kind: StatusChangeKind;
  /** The button and the modal's title. */
  readonly label: string;
  /** The statuses it applies to; the server's rules decide in the end. */
  readonly from: readonly MemberStatus[];
  readonly dateLabel: string;
  readonly reasonLabel: string;
  readonly reasonRequired: boolean;
  /** Destructive: its button is red and its confirmation says so. */
  readonly danger: boolean;
  /** What will happen, shown before the user confirms. */
  readonly consequences: readonly string[];
};

export const STATUS_CHANGES: readonly StatusChange[] = [
  {
    kind: 'confirm',
    label: '转正',
    from: ['probationary'],
    dateLabel: '转正日期',
    reasonLabel: '支部大会决议',
    reasonRequired: false,
    danger: false,
    consequences: [
      '党籍状态由“预备党员”变为“正式党员”；',
      '转正时间记为预备期满之日，党龄自该日起计算，与支部大会讨论的日期无关（党章第七条）；',
      '转正须在预备期满之后，经支部大会讨论通过并报上级党组织批准。',
    ],
  },
  {
    kind: 'extend_probation',
    label: '延长预备期',
    from: ['probationary'],
    dateLabel: '决定日期',
    reasonLabel: '延长原因',
    reasonRequired: true,
    danger: false,
    consequences: [
      '预备期延长至所填日期，仍为预备党员；',
      '预备期只能延长一次，延长时间不少于半年、最长不超过一年（党章第七条）。',
    ],
  },
  {
    kind: 'mark_unreachable',
    label: '标记失联',
    from: ['probationary', 'full'],
    dateLabel: '确认失联日期',
    reasonLabel: '情况说明',
    reasonRequired: false,
    danger: true,
    consequences: [
      '党籍状态变为“失联党员”，失去联系日期记入档案；',
      '失联满6个月仍无法取得联系的，应按规定停止其党籍（党员教育管理工作条例第二十四条）。',
    ],
  },
  {
    kind: 'mark_reachable',
    label: '恢复联系',
    from: ['unreachable'],
    dateLabel: '恢复联系日期',
    reasonLabel: '情况说明',
    reasonRequired: false,
    danger: false,
    consequences: ['党籍状态恢复为失联前的状态，失联经过保留在历史记录中。'],
  },
  {
    kind: 'suspend',
    label: '停止党籍',
    from: ['full', 'probationary', 'unreachable'],
    dateLabel: '停止党籍日期',
    reasonLabel: '停止党籍原因',
    reasonRequired: true,
    danger: true,
    consequences: [
      '党籍状态变为“停止党籍”，仍在本支部名册中，但不再参加组织生活、不再交纳党费；',
      '停止党籍后满2年仍无法取得联系的，按自行脱党予以除名（党员教育管理工作条例第二十四条）。',
    ],
  },
  {
    kind: 'restore',
    label: '恢复党籍',
    from: ['suspended'],
    dateLabel: '恢复党籍日期',
    reasonLabel: '恢复依据',
    reasonRequired: true,
    danger: false,
    consequences: ['党籍状态恢复为停止前的正式党员或预备党员，停止党籍期间的经过保留在历史记录中。'],
  },
  {
    kind: 'leave',
    label: '出党',
    from: ['probationary', 'full', 'suspended', 'unreachable'],
    dateLabel: '支部决定日期',
    reasonLabel: '情况说明',
    reasonRequired: false,
    danger: true,
    consequences: [
      '党籍状态变为“已出党”，自该日起不再计入党员总数和各项统计；',
      '退党须报上级党组织备案，劝退、除名、不予承认和取消预备党员资格须经上级党组织批准，开除党籍须有党纪处分决定（党章第九条）；',
      '本人档案和历史记录予以保留，可随时查阅；此操作不能撤回：如需恢复，须重新履行入党手续。',
    ],
  },
  {
    kind: 'record_death',
    label: '登记去世',
    from: ['probationary', 'full', 'suspended', 'unreachable'],
    dateLabel: '去世日期',
    reasonLabel: '情况说明',
    reasonRequired: false,
    danger: true,
    consequences: [
      '党籍状态变为“已去世”，自该日起不再计入党员总数和各项统计；',
      '去世不是出党：增减台账记入“死亡”一栏（党统T1）；',
      '本人档案和历史记录予以保留，可随时查阅。',
    ],
  },
];

export function statusChange(kind: StatusChangeKind): StatusChange {
  const change = STATUS_CHANGES.find((c) => c.kind === kind);
  if (!change) throw new Error(`unknown status change ${kind}`);
  return change;
}

/** What the offer of a status change needs to know of the member. */
export type StatusFacts = { status: MemberStatus; admittedOn: IsoDate; probationEndsOn: IsoDate | null };

/** The 预备期 was extended already: it ends later than a year after admission (it can be extended once). */
export function probationExtended(m: StatusFacts): boolean {
  return m.probationEndsOn !== null && m.probationEndsOn !== probationEndOf(m.admittedOn);
}

/** The status changes offered for a member now. */
export function statusChangesFor(m: StatusFacts): StatusChange[] {
  return STATUS_CHANGES.filter(
    (c) => c.from.includes(m.status) && !(c.kind === 'extend_probation' && probationExtended(m)),
  );
}

/**
 * 出党 categories offered (党统 T10; docs/membership.md §5): a 预备党员 leaves by 取消预备党员资格 (or 不予承认),
 * never by 劝退 or 除名; 取消预备党员资格 only for a 预备党员.
 */
export function leftReasonsFor(status: MemberStatus): LeavingCategory[] {
  if (status === 'probationary') return ['probation_cancelled', 'not_recognized'];
  return LEAVING_CATEGORIES.filter((r) => r !== 'probation_cancelled');
}

/** The procedure of a 出党 category and what the form asks of it (docs/membership.md §5). */
export function leavingProcedure(category: LeavingCategory): {
  procedure: LeavingProcedure;
  orgLabel: string;
  dateLabel: string;
  documentLabel: string;
  documentRequired: boolean;
} {
  const procedure = LEAVING_PROCEDURE_OF[category];
  if (procedure === 'filed') {
    return {
      procedure,
      orgLabel: '备案的上级党组织',
      dateLabel: '备案日期',
      documentLabel: '备案文号',
      documentRequired: false,
    };
  }
  if (procedure === 'discipline') {
    return {
      procedure,
      orgLabel: '作出处分决定的党组织',
      dateLabel: '处分决定日期',
      documentLabel: '处分决定文号',
      documentRequired: true,
    };
  }
  return {
    procedure,
    orgLabel: '批准的上级党组织',
    dateLabel: '批准日期',
    documentLabel: '批准文号',
    documentRequired: true,
  };
}

/**
 * Whether the change is a 支部大会 decision the level above approves (docs/membership.md §12), recorded pending
 * until approved: 转正, 延长预备期, and a 出党 whose category is approved above (not 退党 or 开除党籍).
 */
export function decisionKindOf(
  kind: StatusChangeKind,
  category: LeavingCategory | undefined,
): DecisionKind | null {
  if (kind === 'confirm' || kind === 'extend_probation') return kind;
  if (kind === 'leave' && leaveNeedsApproval(category)) return 'leave';
  return null;
}

/** The range an extended 预备期 may end in: 6 to 12 months after the end of the original year (党章第七条). */
export function extensionRange(admittedOn: IsoDate): { earliest: IsoDate; latest: IsoDate } {
  const original = probationEndOf(admittedOn);
  return { earliest: addMonths(original, 6), latest: addMonths(original, 12) };
}

/** The earliest date a change may carry: not before admission, nor before the member's latest change. */
export function earliestChangeDate(
  admittedOn: IsoDate,
  events: readonly { effectiveOn: IsoDate }[],
): IsoDate {
  // ISO dates sort as text.
  return [admittedOn, ...events.map((e) => e.effectiveOn)].sort().at(-1) ?? admittedOn;
}
