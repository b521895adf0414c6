import { Table, Tag, Typography } from 'antd';
import { formatYuan } from '../../../domain/dues/index.ts';
import type { BaseImportReport } from '../../api/dues-bases.ts';

const RESULT_LABELS: Record<BaseImportReport['rows'][number]['result'], string> = {
  ok: '可导入',
  unchanged: '无变化',
  skipped: '跳过',
  error: '有错误',
};

/** The dry run's report: every row's result and error, and 确认导入 when none is refused. */
export function ImportReport({ report }: { report: BaseImportReport }) {
  return (
    <>
      <Typography.Paragraph>
        共{report.rowCount}行：可导入{report.okCount}行，有错误{report.errorCount}行。
        {report.errorCount > 0 ? '请修改文件后重新导入（全部无误才导入）。' : ''}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="row"
        pagination={false}
        scroll={{ y: 360 }}
        dataSource={report.rows}
        columns={[
          { title: '行', dataIndex: 'row', width: 60 },
          { title: '姓名', dataIndex: 'name', width: 100 },
          {
            title: '结果',
            dataIndex: 'result',
            width: 90,
            render: (r: keyof typeof RESULT_LABELS) => (
              <Tag color={r === 'error' ? 'red' : r === 'ok' ? 'green' : undefined}>{RESULT_LABELS[r]}</Tag>
            ),
          },
          {
            title: '计算基数（元）',
            dataIndex: 'amount',
            width: 120,
            render: (a: number | null) => (a === null ? '—' : formatYuan(a)),
          },
          {
            title: '说明',
            render: (_, r) => [r.message, ...r.warnings].filter(Boolean).join('；') || '—',
          },
        ]}
      />
    </>
  );
}
