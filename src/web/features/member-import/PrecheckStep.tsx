import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Collapse, Flex, Row, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { downloadErrorFile, type ImportMode, type MemberImportReport } from '../../api/member-import.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';
import { EXCEL_FORMAT_LABELS } from '../members/excel-formats.ts';
import { ImportIssueTable } from './ImportIssueTable.tsx';
import { truncationNote } from './import-errors.ts';

type PrecheckStepProps = {
  report: MemberImportReport;
  mode: ImportMode;
  onReupload: () => void;
  onNext: () => void;
};

/** Whether the checked rows can go ahead, and why not. */
export function importBlocker(report: MemberImportReport, mode: ImportMode): string | null {
  if (report.validCount === 0) return '没有可以导入的行：请按错误明细修改文件后重新上传。';
  if (mode === 'all_or_nothing' && report.errorCount > 0) {
    return '您选择了“全部无误才导入”，文件中还有错误：请修改后重新上传，或返回上一步改为“只导入无误的行”。';
  }
  return null;
}

/** 预检: what the dry run found — counts, the layout recognized, each problem — and the error workbook. */
export function PrecheckStep({ report, mode, onReupload, onNext }: PrecheckStepProps) {
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [downloading, setDownloading] = useState(false);
  const blocker = importBlocker(report, mode);
  const sheetOrder = report.sheets.map((s) => s.name);
  const errorFileId = report.errorFileId;
  const expiresAt = report.errorFileExpiresAt ? formatDateTime(report.errorFileExpiresAt) : null;
  const truncation = report.truncated ? truncationNote(report, expiresAt) : null;

  const download = async () => {
    if (!errorFileId) return;
    setDownloading(true);
    try {
      await downloadErrorFile(errorFileId);
      message.success('错误明细已下载：在“错误说明”列查看每行的问题，改好后重新上传');
    } catch (error) {
      handleError(error);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Row gutter={[16, 16]}>
        {[
          { title: '数据行', value: report.rowCount },
          { title: '无误', value: report.validCount },
          { title: '有误', value: report.errorCount, danger: report.errorCount > 0 },
          { title: '问题', value: report.issueCount, danger: report.issueCount > 0 },
        ].map((s) => (
          <Col key={s.title} xs={12} md={6}>
            <Card size="small">
              <Statistic title={s.title} value={s.value} suffix={s.title === '问题' ? '处' : '行'} />
              {s.danger ? <Typography.Text type="danger">需修改</Typography.Text> : null}
            </Card>
          </Col>
        ))}
      </Row>
      <Flex gap={8} wrap align="center">
        <Typography.Text>识别格式：</Typography.Text>
        <Tag color="processing">{EXCEL_FORMAT_LABELS[report.format]}</Tag>
        {report.sheets.map((s) => (
          <Tag key={s.name}>
            {s.name}：{s.skipped || s.format === null ? '已跳过' : `${s.rowCount} 行`}
          </Tag>
        ))}
      </Flex>
      {blocker ? <Alert type="warning" showIcon title={blocker} /> : null}
      {report.errorCount === 0 ? (
        <Alert type="success" showIcon title={`全部 ${report.rowCount} 行检查无误，可以导入。`} />
      ) : (
        <Card
          size="small"
          title={`错误明细（${report.errorCount} 行、${report.issueCount} 处）`}
          extra={
            errorFileId ? (
              <Button icon={<DownloadOutlined />} loading={downloading} onClick={download}>
                下载错误明细
              </Button>
            ) : null
          }
        >
          {truncation ? <Alert type="info" style={{ marginBottom: 8 }} title={truncation} /> : null}
          <ImportIssueTable issues={report.errors} sheetOrder={sheetOrder} what="错误" />
        </Card>
      )}
      {report.warningCount > 0 ? (
        <Collapse
          items={[
            {
              key: 'warnings',
              label: `提示 ${report.warningCount} 处（不影响导入，如年月格式的日期、15位旧身份证号）`,
              children: <ImportIssueTable issues={report.warnings} sheetOrder={sheetOrder} what="提示" />,
            },
          ]}
        />
      ) : null}
      <Flex gap={8}>
        <Button onClick={onReupload}>重新上传</Button>
        <Button type="primary" disabled={blocker !== null} onClick={onNext}>
          下一步：确认导入
        </Button>
      </Flex>
    </Flex>
  );
}
