import { DownloadOutlined, EditOutlined, SaveOutlined, UploadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  Upload,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { permissionsOf } from '../../../domain/access/index.ts';
import {
  BASE_KIND_LABELS,
  BASE_KINDS_BY_CATEGORY,
  type BaseKind,
  formatYuan,
  isMonthKey,
} from '../../../domain/dues/index.ts';
import { MEMBER_CATEGORY_LABELS } from '../../../domain/membership/index.ts';
import { isBranchKind } from '../../../domain/org/index.ts';
import { useMe } from '../../api/auth.ts';
import {
  type BaseImportReport,
  type BaseSheetRow,
  downloadBaseExport,
  downloadBaseTemplate,
  useBaseSheet,
  useDuesRules,
  useImportBases,
  useSaveBaseSheet,
} from '../../api/dues-bases.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { OrgSelect } from '../../ui/OrgSelect.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';
import { ImportReport } from './BaseImportReport.tsx';
import { ItemsEditor } from './BaseItemsEditor.tsx';
import { type BaseDraft, checkDraft, draftOf, rowInput } from './base-drafts.ts';

/**
 * 党费计算基数 (docs/dues.md §2, §11): a 党支部's members for a month with their category, base and monthly dues;
 * the base of each edited in a drawer and the sheet saved at once (all or nothing); the Excel template, the import
 * with its dry run, the export. Only the branch's own secretary and the org_admins above see the pay.
 */
export function DuesBasesPage() {
  const { message } = App.useApp();
  const apiError = useApiErrorHandler();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [thisMonth] = useState(() => dayjs().format('YYYY-MM'));
  const monthParam = params.get('month');
  const month = monthParam && isMonthKey(monthParam) ? monthParam : thisMonth;
  const own = me.data?.assignments.find((a) => permissionsOf(a.role).includes('dues.base'));
  const idParam = Number(params.get('orgId'));
  const orgId = Number.isInteger(idParam) && idParam > 0 ? idParam : own?.orgId;
  const sheet = useBaseSheet(orgId, month);
  const rulesQuery = useDuesRules();
  const rules = useMemo(
    () => rulesQuery.data?.versions.find((v) => v.version === sheet.data?.ruleVersion),
    [rulesQuery.data, sheet.data?.ruleVersion],
  );
  const [drafts, setDrafts] = useState<Record<number, BaseDraft>>({});
  const [editing, setEditing] = useState<number | null>(null);
  const [report, setReport] = useState<{ file: File; report: BaseImportReport } | null>(null);
  const [busy, setBusy] = useState(false);
  const save = useSaveBaseSheet();
  const importBases = useImportBases();
  const go = (next: { orgId?: number; month?: string }) => {
    setDrafts({});
    setParams({ orgId: String(next.orgId ?? orgId ?? ''), month: next.month ?? month });
  };
  const org = sheet.data?.org;
  const rows = sheet.data?.rows ?? [];
  const editingRow = rows.find((r) => r.memberId === editing);
  const changed = Object.entries(drafts).map(([id, draft]) => ({
    row: rows.find((r) => r.memberId === Number(id)) as BaseSheetRow,
    draft,
  }));

  const onSave = async () => {
    if (!org) return;
    const inputs = [];
    for (const { row, draft } of changed) {
      const check = checkDraft(draft, row, rules);
      if (!check.ok) {
        message.error(`${row.name}：${check.message}`);
        return;
      }
      inputs.push(rowInput(row, draft, check.entry));
    }
    try {
      const result = await save.mutateAsync({ orgId: org.id, rows: inputs });
      setDrafts({});
      message.success(`已保存${result.saved}名党员的计算基数`);
      for (const w of result.warnings) message.warning(`${w.name}：${w.message}`);
    } catch (error) {
      apiError(error);
    }
  };

  const runImport = async (file: File, dryRun: boolean) => {
    if (!org) return;
    try {
      const result = await importBases.mutateAsync({ orgId: org.id, file, dryRun });
      if (dryRun) setReport({ file, report: result });
      else {
        setReport(null);
        setDrafts({});
        message.success(`已导入${result.savedCount}名党员的计算基数`);
      }
    } catch (error) {
      apiError(error);
    }
  };

  return (
    <>
      <PageHeader
        title="党费计算基数"
        description="核定党员交纳党费的计算基数：税后工资收入（只扣除个人所得税）、年薪制当月实得、上季度月平均纯收入或基本离退休费。"
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={24} wrap align="center">
          <Form.Item label="党支部" htmlFor="dues-bases-org" style={{ margin: 0, minWidth: 360 }}>
            <OrgSelect
              key={orgId ?? 'none'}
              id="dues-bases-org"
              aria-label="党支部"
              data-testid="dues-bases-org"
              value={orgId}
              initial={
                org ? { id: org.id, name: org.name } : own ? { id: own.orgId, name: own.orgName } : null
              }
              disabledReason={(hit) => (isBranchKind(hit.kind) ? undefined : '请选择党支部')}
              onChange={(id) => {
                if (id) go({ orgId: id });
              }}
            />
          </Form.Item>
          <Form.Item label="月份" htmlFor="dues-bases-month" style={{ margin: 0 }}>
            <DatePicker
              id="dues-bases-month"
              picker="month"
              allowClear={false}
              value={dayjs(`${month}-01`)}
              format="YYYY年M月"
              onChange={(d) => {
                if (d) go({ month: d.format('YYYY-MM') });
              }}
            />
          </Form.Item>
        </Flex>
      </Card>
      {orgId === undefined ? (
        <ErrorState error={null} what="党支部" />
      ) : sheet.isError ? (
        <ErrorState error={sheet.error} what="党费计算基数" onRetry={() => sheet.refetch()} />
      ) : !sheet.data || !org ? (
        <LoadingState />
      ) : (
        <Card
          size="small"
          title={`${org.name} · ${month} 党费计算基数`}
          extra={
            <Space wrap>
              <Button
                icon={<DownloadOutlined />}
                onClick={() => downloadBaseTemplate(org.id).catch(apiError)}
              >
                下载模板
              </Button>
              <Upload
                accept=".xlsx"
                showUploadList={false}
                beforeUpload={(file) => {
                  void runImport(file, true);
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} loading={importBases.isPending}>
                  导入
                </Button>
              </Upload>
              <Button
                icon={<DownloadOutlined />}
                loading={busy}
                onClick={async () => {
                  setBusy(true);
                  try {
                    await downloadBaseExport(org.id, month);
                    message.success('党费计算基数已导出');
                  } catch (error) {
                    apiError(error);
                  } finally {
                    setBusy(false);
                  }
                }}
              >
                导出
              </Button>
              <Button
                type="primary"
                icon={<SaveOutlined />}
                disabled={changed.length === 0}
                loading={save.isPending}
                onClick={onSave}
              >
                保存{changed.length > 0 ? `（${changed.length}）` : ''}
              </Button>
            </Space>
          }
        >
          <Typography.Paragraph type="secondary">
            收入属个人信息，只有本支部书记和上级组织管理员可以查看。按固定金额交纳党费的党员（农民、学生、下岗失业、领取抚恤救济低保）无需核定基数。
          </Typography.Paragraph>
          <Table<BaseSheetRow>
            size="small"
            rowKey="memberId"
            pagination={false}
            dataSource={rows}
            columns={[
              { title: '姓名', dataIndex: 'name', width: 100 },
              { title: '所在党组织', dataIndex: 'orgName', width: 180 },
              {
                title: '人员类别',
                dataIndex: 'category',
                width: 140,
                render: (c: BaseSheetRow['category'], r) => (
                  <Space size={4}>
                    {MEMBER_CATEGORY_LABELS[c]}
                    {r.warnings.length > 0 ? (
                      <Tooltip title={r.warnings.join('；')}>
                        <Tag color="orange">请核实</Tag>
                      </Tooltip>
                    ) : null}
                  </Space>
                ),
              },
              {
                title: '基数种类',
                width: 200,
                render: (_, r) => {
                  if (!r.needsBase) return <Typography.Text type="secondary">固定金额</Typography.Text>;
                  const draft = drafts[r.memberId] ?? draftOf(r, month);
                  return (
                    <Select<BaseKind>
                      aria-label={`${r.name}的基数种类`}
                      size="small"
                      style={{ width: 190 }}
                      value={draft.kind}
                      options={BASE_KINDS_BY_CATEGORY[r.category].map((k) => ({
                        value: k,
                        label: BASE_KIND_LABELS[k],
                      }))}
                      onChange={(kind) => setDrafts((d) => ({ ...d, [r.memberId]: { ...draft, kind } }))}
                    />
                  );
                },
              },
              {
                title: '计算基数（元）',
                width: 130,
                align: 'right',
                render: (_, r) => {
                  const draft = drafts[r.memberId];
                  if (draft) {
                    const check = checkDraft(draft, r, rules);
                    return check.ok ? (
                      <Typography.Text mark>{formatYuan(check.amount)}</Typography.Text>
                    ) : (
                      <Typography.Text type="danger">{check.message}</Typography.Text>
                    );
                  }
                  if (!r.needsBase) return '—';
                  return r.base ? formatYuan(r.base.amount) : <Tag color="red">未核定</Tag>;
                },
              },
              {
                title: '月缴党费（元）',
                width: 120,
                align: 'right',
                render: (_, r) => {
                  const draft = drafts[r.memberId];
                  if (draft) {
                    const check = checkDraft(draft, r, rules);
                    return check.ok && check.dues !== null ? formatYuan(check.dues) : '—';
                  }
                  return r.dues.amount === null ? '—' : formatYuan(r.dues.amount);
                },
              },
              {
                title: '起始月份',
                width: 100,
                render: (_, r) => drafts[r.memberId]?.fromMonth ?? r.base?.fromMonth ?? '—',
              },
              {
                title: '操作',
                width: 120,
                render: (_, r) =>
                  r.needsBase ? (
                    <Button
                      type="link"
                      size="small"
                      icon={<EditOutlined />}
                      aria-label={`编辑${r.name}的收入项目`}
                      onClick={() => {
                        if (!drafts[r.memberId])
                          setDrafts((d) => ({ ...d, [r.memberId]: draftOf(r, month) }));
                        setEditing(r.memberId);
                      }}
                    >
                      收入项目
                    </Button>
                  ) : null,
              },
            ]}
          />
        </Card>
      )}
      <Drawer
        title={editingRow ? `${editingRow.name} · 收入项目` : ''}
        open={editingRow !== undefined}
        width={640}
        onClose={() => setEditing(null)}
      >
        {editingRow ? (
          <ItemsEditor
            row={editingRow}
            draft={drafts[editingRow.memberId] ?? draftOf(editingRow, month)}
            rules={rules}
            onChange={(next) => setDrafts((d) => ({ ...d, [editingRow.memberId]: next }))}
          />
        ) : null}
      </Drawer>
      <Modal
        title="导入检查结果"
        open={report !== null}
        width={800}
        onCancel={() => setReport(null)}
        okText="确认导入"
        cancelText="取消"
        okButtonProps={{ disabled: !report || report.report.errorCount > 0 || report.report.okCount === 0 }}
        confirmLoading={importBases.isPending}
        onOk={() => {
          if (report) void runImport(report.file, false);
        }}
      >
        {report ? <ImportReport report={report.report} /> : null}
      </Modal>
    </>
  );
}
