import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Drawer, Flex, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import type { OrgDetail } from '../../../../contracts/orgs.ts';
import { RenewTermBody } from '../../../../contracts/orgs.ts';
import {
  checkRenewal,
  checkTermLength,
  LEADERSHIP_POST_LABELS,
  LEADERSHIP_POSTS,
  type LeadershipPost,
} from '../../../../domain/org/index.ts';
import { addYears } from '../../../../domain/shared/index.ts';
import { useReloadOrg, useRenewTerm } from '../../../api/orgs.ts';
import { contractRules } from '../../../ui/contract-rules.ts';
import { DATE_FORMAT, formatDate, isoDate, toIsoDate } from '../../../ui/dates.ts';
import { useApiErrorHandler } from '../../../ui/use-api-error.ts';

type Values = {
  electedOn: Dayjs;
  endsOn?: Dayjs;
  electionDocNo: string;
  electionDocDate: Dayjs;
  approvalDocNo?: string;
  approvalDocDate?: Dayjs;
  posts: { post: LeadershipPost; holderName: string }[];
};

const FIELDS = [
  'electedOn',
  'endsOn',
  'electionDocNo',
  'electionDocDate',
  'approvalDocNo',
  'approvalDocDate',
];
const REASON_FIELDS = {
  renewal_before_current_term: 'electedOn',
  elected_in_future: 'electedOn',
  early_election_needs_approval: 'approvalDocNo',
  term_length_needs_approval: 'approvalDocNo',
  term_too_long: 'endsOn',
  term_end_before_start: 'endsOn',
};
const COMMITTEE_POSTS = LEADERSHIP_POSTS.filter((p) => p !== 'group_leader');

/**
 * 换届 (docs/organizations.md §7): the new committee's election day, its term (default: the org's term length),
 * the election document, the approval of the level above when the term is not 3–5 years or the election is more
 * than a year early, and the members elected. The current term and its posts end on the election day.
 */
export function RenewTermDrawer({
  org,
  open,
  onClose,
}: {
  org: OrgDetail;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const renew = useRenewTerm(org.id);
  const reload = useReloadOrg();
  const handleError = useApiErrorHandler();
  const electedOn = toIsoDate(Form.useWatch('electedOn', form));
  const endsOnValue = toIsoDate(Form.useWatch('endsOn', form));
  const current = org.currentTerm;
  const endsOn = endsOnValue ?? (electedOn ? addYears(electedOn, org.defaultTermYears) : undefined);
  const needsApproval =
    electedOn !== undefined &&
    ((endsOn !== undefined && !checkTermLength(electedOn, endsOn, null).ok) ||
      !checkRenewal(current, electedOn, null).ok);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ posts: [{ post: 'secretary', holderName: '' }] });
  }, [open, form]);

  const submit = (values: Values) => {
    const approval = needsApproval
      ? {
          approvalDocNo: values.approvalDocNo?.trim() || null,
          approvalDocDate: values.approvalDocDate ? isoDate(values.approvalDocDate) : null,
        }
      : { approvalDocNo: null, approvalDocDate: null };
    renew.mutate(
      {
        electedOn: isoDate(values.electedOn),
        ...(values.endsOn ? { endsOn: isoDate(values.endsOn) } : {}),
        electionDocNo: values.electionDocNo.trim(),
        electionDocDate: isoDate(values.electionDocDate),
        ...approval,
        posts: values.posts.map((p) => ({ post: p.post, holderName: p.holderName.trim() })),
      },
      {
        onSuccess: onClose,
        onError: (e) =>
          handleError(e, {
            form,
            knownFields: FIELDS,
            reasonFields: REASON_FIELDS,
            onConflict: () => {
              reload(org.id);
              onClose();
            },
          }),
      },
    );
  };

  return (
    <Drawer
      title={`换届 — ${org.name}`}
      open={open}
      onClose={onClose}
      size={560}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={renew.isPending} onClick={() => form.submit()}>
            保存换届结果
          </Button>
        </Flex>
      }
    >
      <Form name="renewTermForm" form={form} layout="vertical" onFinish={submit} aria-label="换届">
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            current
              ? `本届委员会 ${formatDate(current.electedOn)} 选举产生，任期至 ${formatDate(current.endsOn)}。保存后本届任期及其成员的任职在新一届选举之日结束。`
              : '录入本届委员会的选举结果及其成员。'
          }
        />
        <Form.Item label="选举日期" name="electedOn" rules={[{ required: true, message: '请选择选举日期' }]}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          label="任期届满日期"
          name="endsOn"
          extra={`不填则按本组织任期 ${org.defaultTermYears} 年计算${endsOn ? `（至 ${formatDate(endsOn)}）` : ''}；每届任期3至5年（党章第三十一条）`}
        >
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item
            label="选举结果批复文号"
            name="electionDocNo"
            style={{ flex: 1 }}
            rules={contractRules(RenewTermBody.shape.electionDocNo, { required: '请填写文号' })}
          >
            <Input placeholder="如：X街党〔2026〕12号" />
          </Form.Item>
          <Form.Item
            label="批复日期"
            name="electionDocDate"
            style={{ flex: 1 }}
            rules={[{ required: true, message: '请选择日期' }]}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        {needsApproval ? (
          <>
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title="任期不在3至5年之间，或提前换届超过1年，须经上级党组织批准（基层组织选举工作条例第三条），请填写批准文件。"
            />
            <Flex gap={12}>
              <Form.Item
                label="上级批准文号"
                name="approvalDocNo"
                style={{ flex: 1 }}
                rules={[{ required: true, message: '请填写上级批准文号' }]}
              >
                <Input />
              </Form.Item>
              <Form.Item
                label="批准日期"
                name="approvalDocDate"
                style={{ flex: 1 }}
                rules={[{ required: true, message: '请选择批准日期' }]}
              >
                <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
              </Form.Item>
            </Flex>
          </>
        ) : null}
        <Form.List name="posts">
          {(items, { add, remove }) => (
            <Flex vertical gap={4}>
              {items.map((item, i) => (
                <Flex key={item.key} gap={8} align="baseline">
                  <Form.Item name={[item.name, 'post']} rules={[{ required: true, message: '请选择职务' }]}>
                    <Select
                      aria-label={`第${i + 1}位当选成员的职务`}
                      style={{ width: 140 }}
                      options={COMMITTEE_POSTS.map((p) => ({ value: p, label: LEADERSHIP_POST_LABELS[p] }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[item.name, 'holderName']}
                    style={{ flex: 1 }}
                    rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}
                  >
                    <Input aria-label={`第${i + 1}位当选成员的姓名`} placeholder="姓名" />
                  </Form.Item>
                  {items.length > 1 ? (
                    <Button
                      type="text"
                      aria-label={`删除第${i + 1}位`}
                      icon={<MinusCircleOutlined />}
                      onClick={() => remove(item.name)}
                    />
                  ) : null}
                </Flex>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ post: 'committee_member', holderName: '' })}
              >
                添加当选成员
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
