import { Button, Result } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { MemberImportReport } from '../../api/member-import.ts';
import { UndoBatchButton } from './UndoBatchButton.tsx';

type ResultStepProps = {
  report: MemberImportReport;
  orgId: number | undefined;
  onRestart: () => void;
};

/** 结果: how many came in, the batch, and the way back out (撤销本次导入). */
export function ResultStep({ report, orgId, onRestart }: ResultStepProps) {
  const navigate = useNavigate();
  const list = orgId ? `/members?orgId=${orgId}` : '/members';
  if (report.batchId === null || report.importedCount === 0) {
    return (
      <Result
        status="warning"
        title="未导入任何党员"
        subTitle={
          report.mode === 'all_or_nothing' && report.errorCount > 0
            ? `按“全部无误才导入”，文件中仍有 ${report.errorCount} 行有误，因此没有导入。请修改后重新上传。`
            : '文件中没有可以导入的行。请按错误明细修改后重新上传。'
        }
        extra={
          <Button type="primary" onClick={onRestart}>
            重新上传
          </Button>
        }
      />
    );
  }
  return (
    <Result
      status="success"
      title={`已导入 ${report.importedCount} 名党员`}
      subTitle={
        <>
          导入批次 <Link to={`/member-imports?batch=${report.batchId}`}>#{report.batchId}</Link>
          {report.errorCount > 0 ? `；有误的 ${report.errorCount} 行已跳过，修改后可再次导入` : ''}。
        </>
      }
      extra={[
        <Button key="list" type="primary" onClick={() => navigate(list)}>
          查看党员名册
        </Button>,
        <Button key="again" onClick={onRestart}>
          继续导入
        </Button>,
        <UndoBatchButton
          key="undo"
          batchId={report.batchId}
          importedCount={report.importedCount}
          onUndone={onRestart}
        />,
      ]}
    />
  );
}
