import { Table, Tag, Typography } from 'antd';
import { PAYMENT_METHOD_LABELS } from '../../../domain/dues/index.ts';
import { MEMBER_CATEGORY_LABELS } from '../../../domain/membership/index.ts';
import type { DuesSheet, DuesSheetRow } from '../../api/dues-summary.ts';
import { yuanText } from './dues-display.ts';
import { RecordPaymentButton } from './RecordPaymentButton.tsx';

/** The rows of a branch's monthly sheet with 合计 under them; on screen and on the print page alike. */
export function DuesSheetTable({ sheet, print = false }: { sheet: DuesSheet; print?: boolean }) {
  const t = sheet.totals;
  const record = !print && sheet.canRecord;
  return (
    <Table<DuesSheetRow>
      aria-label="党费收缴表"
      data-testid="dues-sheet"
      size="small"
      bordered={print}
      rowKey={(r) => r.memberId}
      pagination={false}
      dataSource={sheet.rows}
      locale={{ emptyText: '本月没有应缴党费的党员（尚未生成应缴额，或均未核定基数）' }}
      columns={[
        { title: '序号', key: 'n', width: 60, render: (_, __, i) => i + 1 },
        { title: '姓名', dataIndex: 'name', key: 'name' },
        { title: '人员类别', key: 'category', render: (_, r) => MEMBER_CATEGORY_LABELS[r.category] },
        { title: '应缴（元）', key: 'charged', align: 'right', render: (_, r) => yuanText(r.charged) },
        { title: '实缴（元）', key: 'paid', align: 'right', render: (_, r) => yuanText(r.paid) },
        {
          title: '欠缴（元）',
          key: 'owed',
          align: 'right',
          render: (_, r) =>
            r.owed > 0 ? <Typography.Text type="danger">{yuanText(r.owed)}</Typography.Text> : yuanText(0),
        },
        {
          title: '状态',
          key: 'status',
          render: (_, r) =>
            r.paidInFull ? (
              <Tag color={r.onTime ? 'green' : 'gold'}>{r.onTime ? '按时足额' : '已足额'}</Tag>
            ) : (
              <Tag color="red">欠缴</Tag>
            ),
        },
        {
          title: '交纳方式',
          key: 'method',
          render: (_, r) => (r.method ? PAYMENT_METHOD_LABELS[r.method] : ''),
        },
        { title: '交纳日期', key: 'paidOn', render: (_, r) => r.paidOn ?? '' },
        { title: '备注', dataIndex: 'notes', key: 'notes' },
        ...(record
          ? [
              {
                title: '操作',
                key: 'record',
                width: 80,
                render: (_: unknown, r: DuesSheetRow) =>
                  r.owed > 0 ? <RecordPaymentButton row={r} month={sheet.month} /> : null,
              },
            ]
          : []),
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={3}>
            <strong>合计（{t.members}人）</strong>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={3} align="right">
            <strong>{yuanText(t.charged)}</strong>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={4} align="right">
            <strong>{yuanText(t.paid)}</strong>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={5} align="right">
            <strong>{yuanText(t.owed)}</strong>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={6} colSpan={record ? 5 : 4}>
            足额{t.paidInFull}人，欠缴{t.inArrears}人，按时足额{t.onTime}人；少交{t.reduced}人，免交{t.exempt}
            人
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}
