import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useDuesSheet } from '../../api/dues-summary.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { DuesSheetTable } from './DuesSheetTable.tsx';
import { monthFromSearch, orgIdFromSearch } from './dues-display.ts';

/** 打印党费收缴表 (docs/dues.md §10): the branch's sheet of a month as the paper record keeps it. `?orgId=&month=`. */
export function DuesSheetPrintPage() {
  const [params] = useSearchParams();
  const [thisMonth] = useState(() => dayjs().format('YYYY-MM'));
  const orgId = orgIdFromSearch(params.get('orgId'));
  const month = monthFromSearch(params.get('month'), thisMonth);
  const sheet = useDuesSheet(orgId, month);
  const back = `/dues/sheet?${new URLSearchParams({ ...(orgId ? { orgId: String(orgId) } : {}), month }).toString()}`;
  return (
    <>
      <div className="no-print">
        <Link to={back}>
          <ArrowLeftOutlined /> 返回党费收缴
        </Link>
      </div>
      <PageHeader
        title="党费收缴表"
        documentTitle="打印党费收缴表"
        description="打印本月党费收缴表，供支部存档、公开。"
        extra={
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            disabled={!sheet.isSuccess}
            onClick={() => window.print()}
          >
            打印
          </Button>
        }
      />
      {orgId === undefined ? (
        <ErrorState error={null} what="党支部" />
      ) : sheet.isError ? (
        <ErrorState error={sheet.error} what="党费收缴表" onRetry={() => sheet.refetch()} />
      ) : !sheet.data ? (
        <LoadingState tip="正在读取收缴表…" />
      ) : (
        <article aria-label="打印党费收缴表" data-testid="dues-sheet-print">
          <Typography.Title level={4} style={{ textAlign: 'center' }}>
            {sheet.data.org.name} {sheet.data.monthLabel} 党费收缴表
          </Typography.Title>
          <DuesSheetTable sheet={sheet.data} print />
          <Typography.Paragraph style={{ marginTop: 24 }}>
            收缴人：＿＿＿＿＿＿　　审核人：＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日
          </Typography.Paragraph>
        </article>
      )}
    </>
  );
}
