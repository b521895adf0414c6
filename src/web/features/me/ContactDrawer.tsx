import { Button, Drawer, Form, Input } from 'antd';
import { useEffect } from 'react';
import { UpdateOwnContactBody } from '../../../contracts/members.ts';
import { checkLandline, checkMobile } from '../../../domain/people/index.ts';
import { type MemberDetail, useUpdateOwnContact } from '../../api/members.ts';
import { contractRules } from '../../ui/contract-rules.ts';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';

type Values = { phoneMobile?: string; phoneLandline?: string; address?: string };

type Check = { ok: true } | { ok: false; message: string };
const rule = (check: (v: string) => Check) => ({
  validator: (_: unknown, value: string | undefined) => {
    if (!value?.trim()) return Promise.resolve();
    const r = check(value);
    return r.ok ? Promise.resolve() : Promise.reject(new Error(r.message));
  },
});

const REASON_FIELDS = { phone_mobile_invalid: 'phoneMobile', phone_landline_invalid: 'phoneLandline' };

/** 修改联系方式: the member's own phones and address (audited), from the bottom of a phone's screen. */
export function ContactDrawer({
  member,
  open,
  onClose,
  onSaved,
}: {
  member: MemberDetail;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const update = useUpdateOwnContact();
  const handleError = useApiErrorHandler();

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({
      phoneMobile: member.phoneMobile ?? '',
      phoneLandline: member.phoneLandline ?? '',
      address: member.address ?? '',
    });
  }, [open, member, form]);

  const submit = (v: Values) =>
    update.mutate(
      {
        version: member.version,
        phoneMobile: v.phoneMobile?.trim() || null,
        phoneLandline: v.phoneLandline?.trim() || null,
        address: v.address?.trim() || null,
      },
      {
        onSuccess: () => {
          onClose();
          onSaved();
        },
        onError: (error) =>
          handleError(error, {
            form,
            knownFields: ['phoneMobile', 'phoneLandline', 'address'],
            reasonFields: REASON_FIELDS,
            onConflict: onClose,
          }),
      },
    );

  return (
    <Drawer
      title="修改联系方式"
      placement="bottom"
      size="85%"
      open={open}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Button type="primary" size="large" block loading={update.isPending} onClick={() => form.submit()}>
          保存
        </Button>
      }
    >
      <Form
        name="ownContact"
        form={form}
        layout="vertical"
        size="large"
        onFinish={submit}
        aria-label="修改联系方式"
      >
        <Form.Item label="手机号" name="phoneMobile" rules={[rule(checkMobile)]}>
          <Input inputMode="tel" autoComplete="tel" placeholder="11位手机号" />
        </Form.Item>
        <Form.Item label="固定电话" name="phoneLandline" rules={[rule(checkLandline)]}>
          <Input inputMode="tel" placeholder="区号-号码，如 010-12345678" />
        </Form.Item>
        <Form.Item label="家庭住址" name="address" rules={contractRules(UpdateOwnContactBody.shape.address)}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} autoComplete="street-address" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
