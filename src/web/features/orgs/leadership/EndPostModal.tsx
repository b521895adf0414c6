import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import type { LeadershipView, OrgDetail } from '../../../../contracts/orgs.ts';
import { EndPostBody } from '../../../../contracts/orgs.ts';
import { headPost, LEADERSHIP_POST_LABELS } from '../../../../domain/org/index.ts';
import { useEndPost, useReloadOrg } from '../../../api/orgs.ts';
import { contractRules } from '../../../ui/contract-rules.ts';
import { DATE_FORMAT, fromIsoDate, isoDate } from '../../../ui/dates.ts';
import { useApiErrorHandler } from '../../../ui/use-api-error.ts';

type Values = { leftOn: Dayjs; leftReason: string };

/** 离任: the date and the reason; leaving the head post opens a vacancy, which the modal says. */
export function EndPostModal({
  org,
  post,
  onClose,
}: {
  org: OrgDetail;
  post: LeadershipView | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const end = useEndPost();
  const reload = useReloadOrg();
  const handleError = useApiErrorHandler();

  useEffect(() => {
    if (post) form.setFieldsValue({ leftOn: dayjs(), leftReason: '' });
  }, [post, form]);

  if (!post) return null;
  const label = LEADERSHIP_POST_LABELS[post.post];
  const isHead = post.post === headPost(org.kind);

  const submit = (values: Values) =>
    end.mutate(
      {
        id: post.id,
        version: post.version,
        leftOn: isoDate(values.leftOn),
        leftReason: values.leftReason.trim(),
      },
      {
        onSuccess: onClose,
        onError: (error) =>
          handleError(error, {
            form,
            knownFields: ['leftOn', 'leftReason'],
            reasonFields: { left_before_start: 'leftOn', post_already_left: 'leftOn' },
            onConflict: () => {
              reload(org.id);
              onClose();
            },
          }),
      },
    );

  return (
    <Modal
      title={`办理离任 — ${post.holderName}（${label}）`}
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="确认离任"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={end.isPending}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={`离任后，${post.holderName}不再担任${org.name}${label}，任职记录保留在“显示已离任”中。`}
        description={
          isHead ? `${label}离任后本组织将出现“${label}空缺”提醒，请及时选举或由上级党组织指派。` : undefined
        }
      />
      <Form name="endPost" form={form} layout="vertical" onFinish={submit} aria-label="办理离任">
        <Form.Item label="离任日期" name="leftOn" rules={[{ required: true, message: '请选择离任日期' }]}>
          <DatePicker
            format={DATE_FORMAT}
            style={{ width: '100%' }}
            disabledDate={(d) => d.isBefore(fromIsoDate(post.startedOn), 'day')}
          />
        </Form.Item>
        <Form.Item
          label="离任原因"
          name="leftReason"
          rules={contractRules(EndPostBody.shape.leftReason, { required: '请填写离任原因' })}
        >
          <Input.TextArea rows={3} placeholder="如：换届选举后不再担任；工作调动；辞职" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
