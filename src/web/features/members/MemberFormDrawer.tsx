import { Alert, App, Button, Divider, Drawer, Flex, Form, Typography } from 'antd';
import { useEffect } from 'react';
import { needsFullRecord } from '../../../domain/membership/index.ts';
import { type MemberDetail, useCreateMember, useReloadMember, useUpdateMember } from '../../api/members.ts';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';
import { MembershipFields } from './MembershipFields.tsx';
import {
  editValues,
  MEMBER_FORM_FIELDS,
  MEMBER_REASON_FIELDS,
  type MemberFormValues,
  maskedFields,
  toCreateBody,
  toUpdateBody,
} from './member-form.ts';
import { PersonFields } from './PersonFields.tsx';

type MemberFormDrawerProps =
  | {
      mode: 'create';
      open: boolean;
      onClose: () => void;
      onSaved: (saved: MemberDetail) => void;
      member?: never;
    }
  | {
      mode: 'edit';
      open: boolean;
      onClose: () => void;
      onSaved: (saved: MemberDetail) => void;
      member: MemberDetail;
    };

/** 新增党员 / 编辑: identity first (ID number → birth date and gender), then the party standing. */
export function MemberFormDrawer({ mode, open, onClose, onSaved, member }: MemberFormDrawerProps) {
  const [form] = Form.useForm<MemberFormValues>();
  const create = useCreateMember();
  const update = useUpdateMember(member?.id ?? 0);
  const reload = useReloadMember();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (member) form.setFieldsValue(editValues(member));
    else
      form.setFieldsValue({
        status: 'probationary',
        category: 'employed',
        isMobile: false,
        isHardship: false,
      });
  }, [open, member, form]);

  const onError = (error: unknown) =>
    handleError(error, {
      form,
      knownFields: MEMBER_FORM_FIELDS,
      reasonFields: MEMBER_REASON_FIELDS,
      onConflict: () => {
        if (member) reload(member.id);
        onClose();
      },
    });

  const submit = (values: MemberFormValues) => {
    const done = (saved: MemberDetail) => {
      // Accepted with warnings (an old record's 候补期): said now, and shown on the member's page.
      if (mode === 'create') for (const w of saved.warnings) message.warning(w.message, 8);
      onClose();
      onSaved(saved);
    };
    if (mode === 'create') create.mutate(toCreateBody(values), { onSuccess: done, onError });
    else update.mutate(toUpdateBody(values, member), { onSuccess: done, onError });
  };

  return (
    <Drawer
      title={mode === 'create' ? '新增党员' : `编辑党员信息 — ${member.name}`}
      open={open}
      onClose={onClose}
      size={600}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()}>
            {mode === 'create' ? '保存' : '保存修改'}
          </Button>
        </Flex>
      }
    >
      <Form
        name={`member-${mode}`}
        form={form}
        layout="vertical"
        onFinish={submit}
        aria-label={mode === 'create' ? '新增党员' : '编辑党员信息'}
        scrollToFirstError
      >
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          人员信息
        </Typography.Title>
        <PersonFields
          form={form}
          fullRecord={!member || needsFullRecord(member.status)}
          {...(member ? { masked: maskedFields(member) } : {})}
        />
        <Divider />
        <Typography.Title level={5}>党员信息</Typography.Title>
        {mode === 'edit' ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="所在组织和党籍状态不在此修改：请使用“转出”办理组织关系转接，使用转正、停止党籍等操作变更状态，以便留下历史记录。"
          />
        ) : null}
        <MembershipFields form={form} creating={mode === 'create'} />
      </Form>
    </Drawer>
  );
}
