/** The kinds of record the audit log speaks about, as the filter and the table name them. */
export const ENTITY_TYPE_LABELS: Record<string, string> = {
  user: '用户账号',
  role_assignment: '角色授予',
  org: '党组织',
  leadership_post: '班子任职',
  settings: '系统参数',
  api_token: 'API令牌',
  audit_log: '审计日志',
  member: '党员',
  person: '人员信息',
  transfer: '组织关系转接',
  import_batch: '导入批次',
};
