import { Button, DatePicker, Drawer, Flex, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import type { OrgDetail } from '../../../contracts/orgs.ts';
import { CreateOrgBody } from '../../../contracts/orgs.ts';
import {
  allowedChildKinds,
  ORG_KIND_LABELS,
  ORG_KINDS,
  type OrgKind,
  SECTOR_LABELS,
  SECTORS,
  type Sector,
} from '../../../domain/org/index.ts';
import { useCreateOrg, useOrgDetail, useReloadOrg, useUpdateOrg } from '../../api/orgs.ts';
import { contractRules } from '../../ui/contract-rules.ts';
import { DATE_FORMAT, fromIsoDate, isoDate } from '../../ui/dates.ts';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';

type Values = {
  name: string;
  kind: OrgKind;
  sector: Sector;
  code?: string;
  establishedOn: Dayjs;
  approvalDocNo?: string;
};

type OrgFormDrawerProps = {
  /** create: a new org under `org`; edit: `org` itself. */
  mode: 'create' | 'edit';
  org: OrgDetail;
  open: boolean;
  onClose: () => void;
  onSaved: (saved: OrgDetail) => void;
};

const FIELDS = ['name', 'kind', 'sector', 'code', 'establishedOn', 'approvalDocNo'];
const REASON_FIELDS = {
  nesting_not_allowed: 'kind',
  root_must_be_local_committee: 'kind',
  established_in_future: 'establishedOn',
  established_after_dissolved: 'establishedOn',
};

/** 新建下级组织 / 编辑: the org's name, kind (only kinds allowed at that place), sector, code, founding. */
export function OrgFormDrawer({ mode, org, open, onClose, onSaved }: OrgFormDrawerProps) {
  const [form] = Form.useForm<Values>();
  const create = useCreateOrg();
  const update = useUpdateOrg(org.id);
  const reload = useReloadOrg();
  const handleError = useApiErrorHandler();
  // Editing: the kinds allowed under the parent (when the parent is in scope; else the server decides).
  const parentId = mode === 'edit' && open ? (org.parentId ?? undefined) : undefined;
  const parent = useOrgDetail(parentId);
  const kinds: readonly OrgKind[] =
    mode === 'create'
      ? allowedChildKinds(org.kind)
      : parent.data
        ? allowedChildKinds(parent.data.kind)
        : ORG_KINDS;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (mode === 'edit') {
      form.setFieldsValue({
        name: org.name,
        kind: org.kind,
        sector: org.sector,
        code: org.code ?? '',
        establishedOn: fromIsoDate(org.establishedOn) ?? undefined,
        approvalDocNo: org.approvalDocNo ?? '',
      });
    } else {
      // A kind is chosen deliberately, unless only one is possible here (a 党小组 under a 党支部).
      const only = allowedChildKinds(org.kind);
      form.setFieldsValue({ kind: only.length === 1 ? only[0] : undefined, sector: org.sector });
    }
  }, [open, mode, org, form]);

  const pending = create.isPending || update.isPending;
  const submit = (values: Values) => {
    const body = {
      name: values.name.trim(),
      kind: values.kind,
      sector: values.sector,
      code: values.code?.trim() || null,
      establishedOn: isoDate(values.establishedOn),
      approvalDocNo: values.approvalDocNo?.trim() || null,
    };
    const onError = (error: unknown) =>
      handleError(error, {
        form,
        knownFields: FIELDS,
        reasonFields: REASON_FIELDS,
        onConflict: () => {
          reload(org.id);
          onClose();
        },
      });
    if (mode === 'create') create.mutate({ parentId: org.id, ...body }, { onSuccess: onSaved, onError });
    else update.mutate({ version: org.version, ...body }, { onSuccess: onSaved, onError });
  };

  return (
    <Drawer
      title={mode === 'create' ? `新建下级组织 — 上级：${org.name}` : `编辑组织 — ${org.name}`}
      open={open}
      onClose={onClose}
      size={520}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={pending} onClick={() => form.submit()}>
            {mode === 'create' ? '创建' : '保存'}
          </Button>
        </Flex>
      }
    >
      <Form
        name={`org-${mode}`}
        form={form}
        layout="vertical"
        onFinish={submit}
        aria-label={mode === 'create' ? '新建下级组织' : '编辑组织'}
      >
        <Form.Item
          label="组织名称"
          name="name"
          rules={contractRules(CreateOrgBody.shape.name, { required: '请输入组织名称' })}
        >
          <Input placeholder="如：幸福里社区第一党支部" />
        </Form.Item>
        <Form.Item
          label="组织类别"
          name="kind"
          rules={[{ required: true, message: '请选择组织类别' }]}
          extra={
            mode === 'create'
              ? `${ORG_KIND_LABELS[org.kind]}之下可设：${kinds.map((k) => ORG_KIND_LABELS[k]).join('、')}`
              : undefined
          }
        >
          {/* virtual={false}: every option is a role=option in the listbox (a virtual list exposes only the active one). */}
          <Select virtual={false} options={kinds.map((k) => ({ value: k, label: ORG_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item label="单位类型" name="sector" rules={[{ required: true, message: '请选择单位类型' }]}>
          <Select virtual={false} options={SECTORS.map((s) => ({ value: s, label: SECTOR_LABELS[s] }))} />
        </Form.Item>
        <Form.Item label="组织代码" name="code" rules={contractRules(CreateOrgBody.shape.code)}>
          <Input placeholder="选填" />
        </Form.Item>
        <Form.Item
          label="成立日期"
          name="establishedOn"
          rules={[{ required: true, message: '请选择成立日期' }]}
        >
          <DatePicker
            format={DATE_FORMAT}
            style={{ width: '100%' }}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          />
        </Form.Item>
        <Form.Item
          label="批准文号"
          name="approvalDocNo"
          rules={contractRules(CreateOrgBody.shape.approvalDocNo)}
          extra="上级党组织批准成立的文件编号，如：X组字〔2024〕12号"
        >
          <Input placeholder="选填" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
