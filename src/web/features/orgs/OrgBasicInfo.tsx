import { Descriptions } from 'antd';
import type { OrgDetail } from '../../../contracts/orgs.ts';
import { ORG_KIND_LABELS, SECTOR_LABELS } from '../../../domain/org/index.ts';
import { formatDate, formatDateTime } from '../../ui/dates.ts';

const dash = (v: string | null | undefined) => v || '—';

/** 基本信息 of an org as descriptions. */
export function OrgBasicInfo({ org }: { org: OrgDetail }) {
  const parent = org.ancestors.at(-1);
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'name', label: '组织名称', children: org.name, span: 2 },
        { key: 'kind', label: '组织类别', children: ORG_KIND_LABELS[org.kind] },
        { key: 'sector', label: '单位类型', children: SECTOR_LABELS[org.sector] },
        { key: 'code', label: '组织代码', children: dash(org.code) },
        { key: 'parent', label: '上级组织', children: parent ? parent.name : '（最上级组织）' },
        { key: 'establishedOn', label: '成立日期', children: formatDate(org.establishedOn) },
        { key: 'approvalDocNo', label: '批准文号', children: dash(org.approvalDocNo) },
        { key: 'children', label: '下级组织', children: `${org.childCount} 个` },
        { key: 'term', label: '默认任期', children: `${org.defaultTermYears} 年` },
        ...(org.dissolvedOn
          ? [
              { key: 'dissolvedOn', label: '撤销日期', children: formatDate(org.dissolvedOn) },
              { key: 'dissolutionReason', label: '撤销原因', children: dash(org.dissolutionReason) },
            ]
          : []),
        { key: 'updatedAt', label: '最后修改', children: formatDateTime(org.updatedAt), span: 2 },
      ]}
    />
  );
}
