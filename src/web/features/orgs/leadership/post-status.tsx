import { Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import type { LeadershipView } from '../../../../contracts/orgs.ts';
import { formatDate, todayIso } from '../../../ui/dates.ts';

/** A term's length as people say it: “5年”, “3年6个月”. */
export function termLength(startedOn: string, endsOn: string): string {
  const months = dayjs(endsOn).diff(dayjs(startedOn), 'month');
  const years = Math.floor(months / 12);
  const rest = months % 12;
  if (years === 0) return `${rest}个月`;
  return rest === 0 ? `${years}年` : `${years}年${rest}个月`;
}

/** 在任 / 待任职 / 任期已届满 / 已离任. */
export function PostStatus({ post }: { post: LeadershipView }) {
  const today = todayIso();
  if (post.leftOn) {
    return (
      <Tooltip title={post.leftReason ? `离任原因：${post.leftReason}` : undefined}>
        <Tag>{`${formatDate(post.leftOn)} 离任`}</Tag>
      </Tooltip>
    );
  }
  if (post.startedOn > today) return <Tag color="processing">待任职</Tag>;
  if (post.endsOn !== null && post.endsOn < today) return <Tag color="warning">在任（任期已届满）</Tag>;
  return <Tag color="success">在任</Tag>;
}
