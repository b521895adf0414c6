import { Alert, Flex, Statistic } from 'antd';
import type { AttendanceCounts, Quorum } from '../../api/meetings.ts';
import { quorumLine } from './meeting-display.ts';

/** 应到会 / 实到会 / 请假 / 缺席 / 未登记 and the quorum line under them. */
export function AttendanceSummary({ counts, quorum }: { counts: AttendanceCounts; quorum: Quorum }) {
  const line = quorumLine(quorum, counts);
  return (
    <Flex vertical gap={12} data-testid="attendance-summary">
      <Flex gap={32} wrap>
        <Statistic title="应到会" value={counts.expected} suffix="人" />
        <Statistic title="实到会" value={counts.present} suffix="人" />
        <Statistic title="请假" value={counts.leave} suffix="人" />
        <Statistic title="缺席" value={counts.absent} suffix="人" />
        <Statistic title="未登记" value={counts.unrecorded} suffix="人" />
        <Statistic title="不计入应到会" value={counts.excluded} suffix="人" />
        <Statistic
          title="有表决权（应到/实到）"
          value={`${counts.votingEntitled} / ${counts.votingPresent}`}
        />
      </Flex>
      {line ? (
        <Alert
          type={quorum?.reached ? 'success' : 'warning'}
          showIcon
          title={line}
          data-testid="quorum-line"
        />
      ) : null}
    </Flex>
  );
}
