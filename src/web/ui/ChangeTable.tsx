import { Descriptions, Table, Typography } from 'antd';
import { fieldLabel, formatFieldValue, type RefNames } from './field-labels.ts';

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Row = { key: string; field: string; before: string; after: string };

/**
 * A recorded change as a person reads it: `{ before, after }` as a before/after table of the fields that
 * changed, anything else (`note`, plain event details) as labelled values.
 */
export function ChangeTable({
  diff,
  compact = false,
  names,
}: {
  diff: Plain | null;
  compact?: boolean;
  /** Names of the records the change mentions by id (the audit log has them from the server). */
  names?: RefNames;
}) {
  if (!diff || Object.keys(diff).length === 0) {
    return compact ? null : <Typography.Text type="secondary">无字段变更记录</Typography.Text>;
  }
  const before = isPlain(diff.before) ? diff.before : undefined;
  const after = isPlain(diff.after) ? diff.after : undefined;
  const rest = Object.fromEntries(
    Object.entries(diff).flatMap(([k, v]) =>
      k === 'before' || k === 'after' ? [] : k === 'note' && isPlain(v) ? Object.entries(v) : [[k, v]],
    ),
  );
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const rows: Row[] = keys.map((key) => ({
    key,
    field: fieldLabel(key),
    before: before && key in before ? formatFieldValue(key, before[key], names) : '—',
    after: after && key in after ? formatFieldValue(key, after[key], names) : '—',
  }));

  return (
    <>
      {rows.length > 0 ? (
        <Table<Row>
          size="small"
          pagination={false}
          dataSource={rows}
          style={{ marginBottom: 8, maxWidth: 760 }}
          columns={[
            { title: '字段', dataIndex: 'field', width: 200 },
            ...(before ? [{ title: '修改前', dataIndex: 'before' }] : []),
            ...(after ? [{ title: before ? '修改后' : '内容', dataIndex: 'after' }] : []),
          ]}
        />
      ) : null}
      {Object.keys(rest).length > 0 ? (
        <Descriptions
          size="small"
          column={1}
          style={{ marginBottom: 8, maxWidth: 760 }}
          items={Object.entries(rest).map(([k, v]) => ({
            key: k,
            label: fieldLabel(k),
            children: formatFieldValue(k, v, names),
          }))}
        />
      ) : null}
    </>
  );
}
