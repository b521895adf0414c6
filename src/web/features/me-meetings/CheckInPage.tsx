import { Button, Card, Result } from 'antd';
import { useEffect, useRef } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/api-error.ts';
import { useCheckIn } from '../../api/meetings.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';

/** Where a member lands after checking in (or failing to). */
export const MY_MEETINGS_PATH = '/m/meetings';

/**
 * 会议签到 (the QR code's address, `/check-in/meetings/:meetingId?token=…`): opened on the member's phone — signed
 * in first if needed (the login page brings them back here) — it checks in once and says 签到成功 or why not, in
 * the server's words.
 */
export function CheckInPage() {
  const id = Number(useParams().meetingId);
  const token = useSearchParams()[0].get('token') ?? '';
  const checkIn = useCheckIn(id);
  const sent = useRef(false);
  usePageTitle('会议签到');

  useEffect(() => {
    // Once per visit (StrictMode mounts twice in development).
    if (sent.current || !token) return;
    sent.current = true;
    checkIn.mutate(token);
  }, [token, checkIn]);

  const back = (
    <Link to={MY_MEETINGS_PATH}>
      <Button size="large" type="primary">
        查看我的会议
      </Button>
    </Link>
  );
  let body = <LoadingState />;
  if (!token) {
    body = (
      <Result
        status="warning"
        title="签到失败"
        subTitle="签到码缺失：请重新扫描会场的签到二维码"
        extra={back}
      />
    );
  } else if (checkIn.isSuccess) {
    body = (
      <Result
        status="success"
        title="签到成功"
        subTitle={`${checkIn.data.topic} · ${formatDateTime(checkIn.data.checkedInAt)}`}
        extra={back}
      />
    );
  } else if (checkIn.isError) {
    const reason = checkIn.error instanceof ApiError ? checkIn.error.message : '网络异常，请稍后重新扫码';
    body = <Result status="error" title="签到失败" subTitle={reason} extra={back} />;
  }
  return <Card>{body}</Card>;
}
