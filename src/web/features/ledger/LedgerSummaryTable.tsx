import { CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Flex, Table, type TableColumnsType, Typography } from 'antd';
import type { LedgerView } from '../../api/ledger.ts';
import { type LedgerFigure, ledgerSummary } from './ledger-query.ts';

type Row = Record<string, number>;

const figureColumn = (f: LedgerFigure, strong = false) => ({
  key: f.key,
  title: f.title,
  dataIndex: f.key,
  align: 'center' as const,
  render: (value: number) =>
    strong ? (
      <Typography.Text strong>{value}</Typography.Text>
    ) : (
      <Typography.Text type={value === 0 ? 'secondary' : undefined}>{value}</Typography.Text>
    ),
});

/**
 * The summary of the 台账 in the lines of 党统 T1: 期初人数, the increases (发展党员, 恢复党籍, 转入) and decreases
 * (出党, 停止党籍, 死亡, 转出) with their totals, 期末应有数 and 期末实有数; 出党 by its T10 category under the table,
 * and the check line 期初 + 增加 − 减少 = 期末 under it.
 */
export function LedgerSummaryTable({ ledger, loading }: { ledger: LedgerView; loading: boolean }) {
  const s = ledgerSummary(ledger);
  const isTotal = (f: LedgerFigure) => f.key.endsWith('.total');
  const row: Row = Object.fromEntries([...s.increases, ...s.decreases].map((f) => [f.key, f.value]));
  row.opening = s.opening;
  row.closing = s.closing;
  row.actualClosing = s.actualClosing;

  const columns: TableColumnsType<Row> = [
    figureColumn({ key: 'opening', title: '期初人数', value: s.opening }, true),
    { key: 'increases', title: '增加', children: s.increases.map((f) => figureColumn(f, isTotal(f))) },
    { key: 'decreases', title: '减少', children: s.decreases.map((f) => figureColumn(f, isTotal(f))) },
    {
      key: 'end',
      title: '期末人数',
      children: [
        figureColumn({ key: 'closing', title: '应有数', value: s.closing }, true),
        figureColumn({ key: 'actualClosing', title: '实有数', value: s.actualClosing }, true),
      ],
    },
  ];
  const leftLine = s.left.map((f) => `${f.title} ${f.value}`).join('，');

  return (
    <Flex vertical gap={12}>
      <Table<Row>
        aria-label="增减汇总"
        rowKey={() => 'summary'}
        size="small"
        bordered
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={columns}
        dataSource={[row]}
      />
      <Typography.Text type="secondary" data-testid="ledger-increase-subcounts">
        其中发展党员中重新入党 {ledger.increases.readmitted}；其他增加中建库（录入系统前已是党员）
        {ledger.increases.initialLoad}
      </Typography.Text>
      <Typography.Text type="secondary" data-testid="ledger-left-categories">
        其中出党：{leftLine}；自行脱党除名中无法取得联系 {s.leftUnreachable}
      </Typography.Text>
      {s.balanced ? (
        <Typography.Text type="success">
          <CheckCircleOutlined /> 核对：{s.check}
        </Typography.Text>
      ) : (
        <Alert
          type="error"
          showIcon
          icon={<WarningOutlined />}
          title={`核对不平：${s.check}`}
          description="期初加增加减减少不等于期末实有数，请刷新后重试；仍不平请联系系统管理员。"
        />
      )}
    </Flex>
  );
}
