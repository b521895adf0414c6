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
 * The summary of the 台账 in the layout of the paper register: 期初人数, the increases and decreases by kind
 * (出党 by reason) with their totals, 期末人数, and the check line 期初 + 增加 − 减少 = 期末 under it.
 */
export function LedgerSummaryTable({ ledger, loading }: { ledger: LedgerView; loading: boolean }) {
  const s = ledgerSummary(ledger);
  const isTotal = (f: LedgerFigure) => f.key.endsWith('.total');
  const row: Row = Object.fromEntries(
    [...s.increases, ...s.left, ...s.decreases].map((f) => [f.key, f.value]),
  );
  row.opening = s.opening;
  row.closing = s.closing;

  const columns: TableColumnsType<Row> = [
    figureColumn({ key: 'opening', title: '期初人数', value: s.opening }, true),
    { key: 'increases', title: '增加', children: s.increases.map((f) => figureColumn(f, isTotal(f))) },
    {
      key: 'decreases',
      title: '减少',
      children: [
        { key: 'left', title: '出党', children: s.left.map((f) => figureColumn(f)) },
        ...s.decreases.map((f) => figureColumn(f, isTotal(f))),
      ],
    },
    figureColumn({ key: 'closing', title: '期末人数', value: s.closing }, true),
  ];

  return (
    <Flex vertical gap={12}>
      <Table<Row>
        aria-label="增减汇总"
        rowKey={() => 'summary'}
        size="small"
        bordered
        loading={loading}
        pagination={false}
        scroll={{ x: 1100 }}
        columns={columns}
        dataSource={[row]}
      />
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
          description="期初加增加减减少不等于期末，请刷新后重试；仍不平请联系系统管理员。"
        />
      )}
    </Flex>
  );
}
