import { Alert, Button, DatePicker, Drawer, Flex, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import type { LeadershipView, OrgDetail } from '../../../../contracts/orgs.ts';
import { CreatePostBody } from '../../../../contracts/orgs.ts';
import {
  checkByElection,
  checkNewPost,
  LEADERSHIP_POST_LABELS,
  LEADERSHIP_POSTS,
  type LeadershipPost,
} from '../../../../domain/org/index.ts';
import { useCreatePost, useReloadOrg, useUpdatePost } from '../../../api/orgs.ts';
import { contractRules } from '../../../ui/contract-rules.ts';
import { DATE_FORMAT, formatDate, fromIsoDate, isoDate, toIsoDate } from '../../../ui/dates.ts';
import { useApiErrorHandler } from '../../../ui/use-api-error.ts';

type Values = {
  post: LeadershipPost;
  holderName: string;
  startedOn: Dayjs;
};

const FIELDS = ['post', 'holderName', 'startedOn'];
const REASON_FIELDS = {
  post_already_filled: 'post',
  post_not_for_group: 'post',
  group_leader_only_in_group: 'post',
  post_before_term: 'startedOn',
  term_already_ended: 'startedOn',
};

type PostFormDrawerProps = {
  org: OrgDetail;
  /** null: a new post (新增任职); otherwise the post to edit (修改). */
  post: LeadershipView | null;
  open: boolean;
  onClose: () => void;
};

/**
 * 新增任职 (补选) / 修改任职. A committee member elected later serves the remainder of the current term (届); a
 * 党小组长 is designated by the branch and has no term.
 */
export function PostFormDrawer({ org, post, open, onClose }: PostFormDrawerProps) {
  const [form] = Form.useForm<Values>();
  const create = useCreatePost(org.id);
  const update = useUpdatePost();
  const reload = useReloadOrg();
  const handleError = useApiErrorHandler();
  const term = org.currentTerm;
  const posts = LEADERSHIP_POSTS.filter((p) => (org.kind === 'group') === (p === 'group_leader'));

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (post) {
      form.setFieldsValue({
        post: post.post,
        holderName: post.holderName,
        startedOn: fromIsoDate(post.startedOn) ?? undefined,
      });
    } else {
      form.setFieldsValue({ post: posts[0] });
    }
  }, [open, post, form, posts[0]]);

  const submit = (values: Values) => {
    const body = {
      holderName: values.holderName.trim(),
      startedOn: isoDate(values.startedOn),
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
      >
        {org.electedTerm ? (
          <Alert
            type={term ? 'info' : 'warning'}
            showIcon
            style={{ marginBottom: 16 }}
            title={
              term
                ? `本届委员会 ${formatDate(term.electedOn)} 选举产生，任期至 ${formatDate(term.endsOn)}。补选的成员任期至本届届满。`
                : '尚未录入本届委员会，请先办理“换届”录入本届选举及其成员。'
            }
          />
        ) : null}
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
        <Form.Item
          label={org.electedTerm && !post ? '补选（任职）日期' : '任职日期'}
          name="startedOn"
          rules={[
            { required: true, message: '请选择任职日期' },
            () => ({
              validator: async (_r, value: Dayjs | undefined) => {
                const start = toIsoDate(value);
                if (!start || !org.electedTerm || !term || org.kind === 'group') return;
                const decision = checkByElection(term, start);
                if (!decision.ok) throw new Error(decision.message);
              },
            }),
          ]}
        >
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
