import { Button, Card, Flex, Form } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { MEETING_KINDS } from '../../../domain/org-life/index.ts';
import { type MeetingKind, useCreateMeeting } from '../../api/meetings.ts';
import { useOrgDetail } from '../../api/orgs.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';
import { MeetingFields } from './MeetingFields.tsx';
import { MEETING_FORM_FIELDS, type MeetingFormValues, toCreateBody } from './meeting-form.ts';

const isKind = (k: string): k is MeetingKind => (MEETING_KINDS as readonly string[]).includes(k);

/** The next full hour tomorrow at 14:00 — a common time for a branch's meeting, edited as needed. */
const defaultStart = () => dayjs().add(1, 'day').hour(14).minute(0).second(0).millisecond(0);

/**
 * 计划会议 (`/meetings/new?orgId=&kind=`): the plan of a meeting; 应到会 is taken from the roster of its planned
 * day. Links from elsewhere (a compliance finding) fill the org and the kinds.
 */
export function MeetingFormPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [form] = Form.useForm<MeetingFormValues>();
  const create = useCreateMeeting();
  const handleError = useApiErrorHandler();
  const orgId = Number(params.get('orgId')) || undefined;
  const org = useOrgDetail(orgId);

  // The URL is read once, when the page opens.
  const [initial] = useState<Partial<MeetingFormValues>>(() => ({
    orgId,
    kinds: params.getAll('kind').filter(isKind),
    election: false,
    plannedStart: defaultStart(),
  }));

  const submit = (values: MeetingFormValues) =>
    create.mutate(toCreateBody(values), {
      onSuccess: (meeting) => navigate(`/meetings/${meeting.id}`, { replace: true }),
      onError: (error) => handleError(error, { form, knownFields: MEETING_FORM_FIELDS }),
    });

  return (
    <>
      <PageHeader title="计划会议" description="保存后按计划日期的党员名册生成应到会人员，会前可修改。" />
      <Card style={{ maxWidth: 800 }}>
        <Form<MeetingFormValues>
          name="meeting"
          form={form}
          layout="vertical"
          onFinish={submit}
          aria-label="会议"
          initialValues={initial}
        >
          <MeetingFields
            chooseOrg={{ initial: org.data ? { id: org.data.id, name: org.data.name } : null }}
          />
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={create.isPending}>
              保存计划
            </Button>
            <Button onClick={() => navigate(-1)}>取消</Button>
          </Flex>
        </Form>
      </Card>
    </>
  );
}
