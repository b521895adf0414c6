import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  APPRAISAL_GRADE_LABELS,
  APPRAISAL_GRADES,
  type AppraisalGrade,
} from '../../../domain/org-life/index.ts';
import { useOwnAppraisals, useSaveOwnAppraisal } from '../../api/appraisals.ts';
import { MEMBER_HOME_PATH } from '../../app/navigation.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';
import { usePageTitle } from '../../ui/use-page-title.ts';

type Own = NonNullable<ReturnType<typeof useOwnAppraisals>['data']>['items'][number];

/** One open round: the member's self-assessment and a vote for each other participant (one each, may change). */
function OwnRound({ round }: { round: Own }) {
  const { message } = App.useApp();
  const save = useSaveOwnAppraisal();
  const handleError = useApiErrorHandler();
  const [text, setText] = useState(round.selfAssessment ?? '');
  const [votes, setVotes] = useState<Record<number, AppraisalGrade>>({});
  const chosen = (id: number, mine: AppraisalGrade | null) => votes[id] ?? mine ?? undefined;
  const submit = () =>
    save.mutate(
      {
        id: round.id,
        selfAssessment: text,
        ballots: Object.entries(votes).map(([subject, grade]) => ({
          subjectMemberId: Number(subject),
          grade,
        })),
      },
      {
        onSuccess: () => {
          setVotes({});
          message.success('已提交');
        },
        onError: (e) => handleError(e),
      },
    );
  return (
    <Card
      size="small"
      title={`${round.orgName} ${round.year}年度民主评议`}
      role="article"
      aria-label="民主评议"
    >
      <Flex vertical gap={12}>
        <Typography.Text strong>个人自评</Typography.Text>
        <Input.TextArea
          rows={5}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-label="个人自评"
          maxLength={2000}
        />
        <Typography.Text strong>党员互评（每人一票，提交后可改投）</Typography.Text>
        {round.peers.map((p) => (
          <Flex key={p.memberId} justify="space-between" align="center" gap={8}>
            <span>{p.name}</span>
            <Select<AppraisalGrade>
              aria-label={`对${p.name}的评价`}
              placeholder="未投票"
              style={{ width: 130 }}
              value={chosen(p.memberId, p.myVote)}
              onChange={(g) => setVotes((v) => ({ ...v, [p.memberId]: g }))}
              options={APPRAISAL_GRADES.map((g) => ({ value: g, label: APPRAISAL_GRADE_LABELS[g] }))}
            />
          </Flex>
        ))}
        <Button type="primary" size="large" block loading={save.isPending} onClick={submit}>
          提交
        </Button>
      </Flex>
    </Card>
  );
}

/** The member's 民主评议 on the phone (docs/organizational-life.md §5.1): self-assessment and peer votes. */
export function MyAppraisalsPage() {
  usePageTitle('我的民主评议');
  const own = useOwnAppraisals();
  return (
    <Flex vertical gap={12}>
      <Link to={MEMBER_HOME_PATH}>
        <ArrowLeftOutlined /> 返回我的档案
      </Link>
      <Typography.Title level={4} style={{ margin: 0 }}>
        我的民主评议
      </Typography.Title>
      {own.isError ? (
        <ErrorState error={own.error} what="民主评议" onRetry={() => own.refetch()} />
      ) : !own.data ? (
        <LoadingState />
      ) : own.data.items.length === 0 ? (
        <EmptyState description="目前没有进行中的民主评议" />
      ) : (
        own.data.items.map((r) => <OwnRound key={r.id} round={r} />)
      )}
    </Flex>
  );
}
