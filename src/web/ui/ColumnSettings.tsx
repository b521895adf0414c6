import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Popover, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import {
  browserStore,
  readHidden,
  type SettableColumn,
  visibleColumns,
  writeHidden,
} from './column-settings.ts';

type Options = {
  /** The table's name in storage: `members`, `audit`. */
  table: string;
  /** Columns that cannot be hidden (the row's name, its actions). */
  locked?: readonly string[];
};

const titleText = (c: SettableColumn): string => (typeof c.title === 'string' ? c.title : String(c.key));

/**
 * 列设置 for a table: the columns a user keeps, remembered in this browser (column-settings.ts), and the button
 * that chooses them. Returns the columns to render and the button to put in the table's toolbar.
 */
export function useColumnSettings<C extends SettableColumn>(
  columns: readonly C[],
  { table, locked = [] }: Options,
): { columns: C[]; button: ReactNode } {
  const [hidden, setHidden] = useState<string[]>(() =>
    readHidden(
      browserStore(),
      table,
      columns.flatMap((c) => (typeof c.key === 'string' ? [c.key] : [])),
    ),
  );
  const choose = (next: string[]) => {
    setHidden(next);
    writeHidden(browserStore(), table, next);
  };
  const choosable = columns.filter((c) => typeof c.key === 'string' && !locked.includes(c.key));

  const panel = (
    <Flex vertical gap={6} style={{ minWidth: 160 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        勾选要显示的列（本浏览器记住）
      </Typography.Text>
      {choosable.map((c) => {
        const key = c.key as string;
        return (
          <Checkbox
            key={key}
            checked={!hidden.includes(key)}
            onChange={(e) => choose(e.target.checked ? hidden.filter((k) => k !== key) : [...hidden, key])}
          >
            {titleText(c)}
          </Checkbox>
        );
      })}
      <Button size="small" type="link" disabled={hidden.length === 0} onClick={() => choose([])}>
        显示全部列
      </Button>
    </Flex>
  );

  return {
    columns: visibleColumns(columns, hidden, locked),
    button: (
      <Popover content={panel} trigger="click" placement="bottomRight">
        <Button icon={<SettingOutlined />} aria-label="列设置">
          列设置{hidden.length > 0 ? `（已隐藏 ${hidden.length} 列）` : ''}
        </Button>
      </Popover>
    ),
  };
}
