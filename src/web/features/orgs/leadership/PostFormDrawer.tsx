import { Alert, Button, DatePicker, Drawer, Flex, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef } from 'react';
import type { LeadershipView, OrgDetail } from '../../../../contracts/orgs.ts';
import { CreatePostBody } from '../../../../contracts/orgs.ts';
import {
  checkNewPost,
  checkPostTerm,
  LEADERSHIP_POST_LABELS,
  LEADERSHIP_POSTS,
  type LeadershipPost,
} from '../../../../domain/org/index.ts';
import { addYears } from '../../../../domain/shared/index.ts';
import { useCreatePost, useReloadOrg, useUpdatePost } from '../../../api/orgs.ts';
import { contractRules } from '../../../ui/contract-rules.ts';
import { DATE_FORMAT, fromIsoDate, isoDate, toIsoDate } from '../../../ui/dates.ts';
import { useApiErrorHandler } from '../../../ui/use-api-error.ts';

type Values = {
  post: LeadershipPost;
  holderName: string;
  startedOn: Dayjs;
  endsOn: Dayjs;
  extensionDocNo?: string;
};

const FIELDS = ['post', 'holderName', 'startedOn', 'endsOn', 'extensionDocNo'];
const REASON_FIELDS = {
  post_already_filled: 'post',
  post_not_for_group: 'post',
  group_leader_only_in_group: 'post',
  term_end_before_start: 'endsOn',
  term_too_long: 'endsOn',
  term_extension_needs_approval: 'extensionDocNo',
};
/** 党章第三十一条: terms of 3–5 years; beyond 5 only with the approval of the level above. */
const MAX_TERM_YEARS = 5;

type PostFormDrawerProps = {
  org: OrgDetail;
  /** null: a new post (新增任职); otherwise the post to edit (修改). */
  post: LeadershipView | null;
  open: boolean;
  onClose: () => void;
};

/** 新增任职 / 修改任职: the term ends by default after the org's term length; longer than 5 years needs approval. */
export function PostFormDrawer({ org, post, open, onClose }: PostFormDrawerProps) {
  const [form] = Form.useForm<Values>();
  const create = useCreatePost(org.id);
  const update = useUpdatePost();
  const reload = useReloadOrg();
  const handleError = useApiErrorHandler();
  const endTouched = useRef(false);
  const startedOn = Form.useWatch('startedOn', form);
  const endsOn = Form.useWatch('endsOn', form);
  const needsExtension =
    startedOn && endsOn && isoDate(endsOn) > addYears(isoDate(startedOn), MAX_TERM_YEARS);
  const posts = LEADERSHIP_POSTS.filter((p) => (org.kind === 'group') === (p === 'group_leader'));

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    endTouched.current = post !== null;
    if (post) {
      form.setFieldsValue({
        post: post.post,
        holderName: post.holderName,
        startedOn: fromIsoDate(post.startedOn) ?? undefined,
        endsOn: fromIsoDate(post.endsOn) ?? undefined,
        extensionDocNo: post.extensionDocNo ?? '',
      });
    } else {
      form.setFieldsValue({ post: posts[0] });
    }
  }, [open, post, form, posts[0]]);

  // The default end follows the start until the user sets the end themselves.
  const onStartChange = (start: Dayjs | null) => {
    if (!start || endTouched.current) return;
    form.setFieldValue('endsOn', fromIsoDate(addYears(isoDate(start), org.defaultTermYears)));
  };

  const submit = (values: Values) => {
    const body = {
      holderName: values.holderName.trim(),
      startedOn: isoDate(values.startedOn),
      endsOn: isoDate(values.endsOn),
      extensionDocNo: needsExtension ? values.extensionDocNo?.trim() || null : null,
    };
    const handling = {
      form,
      knownFields: FIELDS,
      reasonFields: REASON_FIELDS,
      onConflict: () => {
        reload(org.id);
        onClose();
      },
    };
    if (post) {
      update.mutate(
        { id: post.id, version: post.version, ...body },
        { onSuccess: onClose, onError: (e) => handleError(e, handling) },
      );
    } else {
      create.mutate(
        { post: values.post, ...body },
        { onSuccess: onClose, onError: (e) => handleError(e, handling) },
      );
    }
  };

  return (
    <Drawer
      title={post ? `修改任职 — ${post.holderName}` : `新增任职 — ${org.name}`}
      open={open}
      onClose={onClose}
      size={480}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()}>
            保存
          </Button>
        </Flex>
      }
    >
      <Form
        name="postForm"
        form={form}
        layout="vertical"
        onFinish={submit}
        aria-label={post ? '修改任职' : '新增任职'}
        onValuesChange={(changed) => {
          if ('endsOn' in changed) endTouched.current = true;
        }}
      >
        <Form.Item
          label="职务"
          name="post"
          rules={[
            { required: true, message: '请选择职务' },
            ({ getFieldValue }) => ({
              validator: async (_r, value: LeadershipPost) => {
                const start = toIsoDate(getFieldValue('startedOn'));
                if (post || !value || !start) return;
                const decision = checkNewPost(org.kind, value, start, org.leadership);
                if (!decision.ok) throw new Error(decision.message);
              },
            }),
          ]}
          dependencies={['startedOn']}
        >
          <Select
            disabled={post !== null}
            options={posts.map((p) => ({ value: p, label: LEADERSHIP_POST_LABELS[p] }))}
          />
        </Form.Item>
        <Form.Item
          label="姓名"
          name="holderName"
          rules={contractRules(CreatePostBody.shape.holderName, { required: '请输入姓名' })}
        >
          <Input />
        </Form.Item>
        <Form.Item label="任职日期" name="startedOn" rules={[{ required: true, message: '请选择任职日期' }]}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} onChange={onStartChange} />
        </Form.Item>
        <Form.Item
          label="任期届满日期"
          name="endsOn"
          dependencies={['startedOn']}
          extra={`默认按本组织任期 ${org.defaultTermYears} 年计算（党章第三十一条）`}
          rules={[
            { required: true, message: '请选择任期届满日期' },
            ({ getFieldValue }) => ({
              validator: async (_r, value: Dayjs | undefined) => {
                const start = toIsoDate(getFieldValue('startedOn'));
                const end = toIsoDate(value);
                if (!start || !end) return;
                const decision = checkPostTerm(start, end, 'pending');
                if (!decision.ok) throw new Error(decision.message);
              },
            }),
          ]}
        >
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
        {needsExtension ? (
          <>
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title="任期超过5年，须经上级党组织批准延期（一般不超过1年），请填写批准文号。"
            />
            <Form.Item
              label="延期批准文号"
              name="extensionDocNo"
              rules={contractRules(CreatePostBody.shape.extensionDocNo, {
                required: '任期超过5年须填写上级批准延期的文号',
              })}
            >
              <Input placeholder="如：X组字〔2026〕8号" />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Drawer>
  );
}
