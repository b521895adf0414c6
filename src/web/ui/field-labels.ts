import { AUDIT_ACTION_LABELS } from '../../contracts/audit.ts';
import { ROLE_LABELS } from '../../domain/access/index.ts';
import { LEADERSHIP_POST_LABELS, ORG_KIND_LABELS, SECTOR_LABELS } from '../../domain/org/index.ts';
import { formatDateTime } from './dates.ts';

/** Chinese names of the fields that appear in change records (audit diffs, org history). */
export const FIELD_LABELS: Record<string, string> = {
  name: '名称',
  username: '用户名',
  kind: '组织类别',
  sector: '单位类型',
  code: '组织代码',
  parentId: '上级组织',
  parentName: '上级组织',
  fromParentId: '原上级组织',
  toParentId: '新上级组织',
  fromOrgId: '转出组织',
  toOrgId: '接收组织',
  memberId: '党员',
  personId: '人员',
  userId: '账号',
  fromParentName: '原上级组织',
  toParentName: '新上级组织',
  path: '组织路径',
  establishedOn: '成立日期',
  approvalDocNo: '批准文号',
  dissolvedOn: '撤销日期',
  dissolutionReason: '撤销原因',
  reason: '原因',
  post: '职务',
  holderName: '姓名',
  startedOn: '任职日期',
  endsOn: '任期届满/截止日期',
  extensionDocNo: '延期批准文号',
  leftOn: '离任日期',
  leftReason: '离任原因',
  approvalOrgName: '上级党组织（备案、批准或处分决定）',
  approvalDocumentNo: '批准或决定文号',
  approvalOn: '备案、批准或决定日期',
  unreachable: '无法取得联系',
  orgId: '组织',
  orgName: '组织',
  role: '角色',
  status: '状态',
  mustChangePassword: '须修改密码',
  passwordHash: '密码',
  lockedUntil: '锁定至',
  deactivatedAt: '停用时间',
  failedAttempts: '连续失败次数',
  version: '版本号',
  group: '参数组',
  value: '参数值',
  sessionIdleMinutes: '会话空闲超时（分钟）',
  sessionMaxHours: '会话最长有效期（小时）',
  lockoutThreshold: '连续登录失败锁定次数',
  lockoutMinutes: '锁定时长（分钟）',
  committeeYears: '基层党委任期（年）',
  generalBranchYears: '党总支任期（年）',
  branchYears: '党支部任期（年）',
  communityYears: '村、社区党组织任期（年）',
  warnMonths: '换届提醒提前（月）',
  urgentMonths: '换届紧急提醒提前（月）',
  vacancyCriticalDays: '书记空缺严重提醒（天）',
  prefix: '令牌前缀',
  expiresOn: '到期日',
  filter: '筛选条件',
  rows: '行数',
  note: '备注',
  source: '来源',
  endedPostIds: '随之离任的任职',
  subtreeSize: '随之调整的组织数',
  from: '调整前',
  to: '调整后',
  cause: '起因',
};

const VALUE_LABELS: Record<string, Record<string, string>> = {
  kind: ORG_KIND_LABELS,
  sector: SECTOR_LABELS,
  role: ROLE_LABELS,
  post: LEADERSHIP_POST_LABELS,
  status: { active: '正常', locked: '已锁定', deactivated: '已停用' },
  source: { demo: '演示数据' },
  /** The action that caused a change (a post ended by the dissolution of its org: `org.dissolve`). */
  cause: AUDIT_ACTION_LABELS,
};

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ORG_PATH = /^\d+(\.\d+)*$/;

/**
 * The names of the records a change mentions by id, as the server gives them (only those in the reader's
 * scope): orgs, members, persons, accounts, keyed by id.
 */
export type RefNames = {
  readonly orgs: Readonly<Record<string, string>>;
  readonly members: Readonly<Record<string, string>>;
  readonly persons: Readonly<Record<string, string>>;
  readonly users: Readonly<Record<string, string>>;
};

/** Fields that hold the id of a record, by the kind of record. */
const REF_FIELDS: Record<string, keyof RefNames> = {
  orgId: 'orgs',
  parentId: 'orgs',
  fromParentId: 'orgs',
  toParentId: 'orgs',
  fromOrgId: 'orgs',
  toOrgId: 'orgs',
  memberId: 'members',
  personId: 'persons',
  userId: 'users',
};

/** An id as a person reads it: the record's name, or its number when it is not ours to name. */
function refValue(kind: keyof RefNames, id: string, names: RefNames | undefined): string {
  return names?.[kind][id] ?? `#${id}（无权查看或已不存在）`;
}

/** An org path (`1.2.3.449`) as the names from the reader's top down; the orgs above the reader's scope as `…`. */
function pathValue(path: string, names: RefNames | undefined): string {
  const parts = path.split('.').map((id) => names?.orgs[id]);
  const named = parts.filter((n): n is string => !!n);
  if (named.length === 0) return `#${path.split('.').at(-1)}（无权查看或已不存在）`;
  return `${parts[0] ? '' : '… / '}${named.join(' / ')}`;
}

export function fieldLabel(key: string): string {
  return FIELD_LABELS[key] ?? key;
}

/**
 * A field value as a person reads it: labels for codes, 是/否, local times, names for ids (`names`, when the
 * server gave them); a dash for nothing.
 */
export function formatFieldValue(key: string, value: unknown, names?: RefNames): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  const ref = REF_FIELDS[key];
  if (ref && (typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value)))) {
    return refValue(ref, String(value), names);
  }
  if (key === 'path' && typeof value === 'string' && ORG_PATH.test(value)) return pathValue(value, names);
  if (typeof value === 'string') {
    const label = VALUE_LABELS[key]?.[value];
    if (label) return label;
    return TIMESTAMP.test(value) ? formatDateTime(value) : value;
  }
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    return value.length === 0 ? '无' : value.map((v) => formatFieldValue(key, v, names)).join('、');
  }
  return JSON.stringify(value);
}
