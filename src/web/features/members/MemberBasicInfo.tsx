import { EyeOutlined } from '@ant-design/icons';
import { Button, Descriptions, Flex, Tag } from 'antd';
import type { ReactNode } from 'react';
import {
  GENDER_LABELS,
  LEFT_REASON_LABELS,
  MEMBER_CATEGORY_LABELS,
} from '../../../domain/membership/index.ts';
import { ageOn } from '../../../domain/people/index.ts';
import type { MemberDetail } from '../../api/members.ts';
import { formatDate, todayIso } from '../../ui/dates.ts';
import { MemberStatusTag } from './MemberStatusTag.tsx';
import { educationLabel, ethnicityLabel, workPostLabel } from './member-labels.ts';

const dash = (v: string | null | undefined) => v || '—';
const mono = (v: string | null) => <span style={{ fontFamily: 'monospace' }}>{dash(v)}</span>;

type MemberBasicInfoProps = {
  member: MemberDetail;
  /** Offered when the user may reveal (org_admin) and the values are masked; the caller confirms first. */
  onReveal?: () => void;
  revealing?: boolean;
  /** One column (the member's own page on a phone). */
  narrow?: boolean;
};

/** 基本信息 as descriptions: identity (masked unless revealed or their own), then the party standing. */
export function MemberBasicInfo({ member: m, onReveal, revealing, narrow = false }: MemberBasicInfoProps) {
  const age = m.birthDate ? `（${ageOn(m.birthDate, todayIso())}岁）` : '';
  const items: { key: string; label: string; children: ReactNode; span?: number }[] = [
    { key: 'name', label: '姓名', children: m.name },
    { key: 'gender', label: '性别', children: GENDER_LABELS[m.gender] },
    {
      key: 'idNumber',
      label: '公民身份号码',
      children: (
        <Flex gap={8} align="center" wrap>
          {mono(m.idNumber)}
          {onReveal && !m.revealed && m.idNumber ? (
            <Button size="small" icon={<EyeOutlined />} loading={revealing} onClick={onReveal}>
              查看完整身份证号
            </Button>
          ) : null}
        </Flex>
      ),
    },
    { key: 'birthDate', label: '出生日期', children: `${formatDate(m.birthDate)}${age}` },
    { key: 'ethnicity', label: '民族', children: ethnicityLabel(m.ethnicity) },
    { key: 'education', label: '学历', children: educationLabel(m.education) },
    { key: 'workPost', label: '工作岗位', children: workPostLabel(m.workPost) },
    { key: 'phoneMobile', label: '手机号', children: mono(m.phoneMobile) },
    { key: 'phoneLandline', label: '固定电话', children: mono(m.phoneLandline) },
    { key: 'address', label: '家庭住址', children: dash(m.address), span: narrow ? 1 : 2 },
    { key: 'org', label: '所在党组织', children: m.orgName },
    {
      key: 'status',
      label: '党籍状态',
      children: <MemberStatusTag status={m.status} leftReason={m.leftReason} />,
    },
    { key: 'category', label: '人员类别', children: MEMBER_CATEGORY_LABELS[m.category] },
    { key: 'admittedOn', label: '入党时间', children: formatDate(m.admittedOn) },
    { key: 'confirmedOn', label: '转正时间', children: formatDate(m.confirmedOn) },
  ];
  if (m.status === 'probationary') {
    items.push({ key: 'probationEndsOn', label: '预备期满', children: formatDate(m.probationEndsOn) });
  }
  items.push(
    {
      key: 'mobile',
      label: '流动党员',
      children: m.isMobile ? (
        <Tag>是{m.outflowDestination ? ` · 外出流向：${m.outflowDestination}` : ''}</Tag>
      ) : (
        '否'
      ),
    },
    { key: 'hardship', label: '困难党员', children: m.isHardship ? '是' : '否' },
  );
  if (m.lostContactOn)
    items.push({ key: 'lost', label: '失去联系日期', children: formatDate(m.lostContactOn) });
  if (m.leftReason)
    items.push({ key: 'leftReason', label: '出党类别', children: LEFT_REASON_LABELS[m.leftReason] });
  if (m.transferLetterNo)
    items.push({ key: 'letter', label: '转出介绍信编号', children: m.transferLetterNo });

  return (
    <Descriptions
      bordered
      size="small"
      column={narrow ? 1 : { xs: 1, md: 2 }}
      layout={narrow ? 'vertical' : 'horizontal'}
      items={items}
    />
  );
}
