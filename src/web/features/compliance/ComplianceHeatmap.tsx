import { Button, Flex, Typography } from 'antd';
import type { CSSProperties } from 'react';
import type { HeatmapCell, HeatmapView } from '../../api/compliance.ts';
import {
  figuresText,
  RATE_BAND_COLOURS,
  RATE_BAND_LABELS,
  type RateBand,
  rateBand,
  rateText,
} from './compliance-query.ts';

type ComplianceHeatmapProps = {
  heatmap: HeatmapView;
  /** Opens a child: the dashboard drills down to it. */
  onOpen: (org: { id: number; name: string }) => void;
};

const cellStyle: CSSProperties = {
  textAlign: 'center',
  padding: '6px 4px',
  border: '1px solid #fff',
  minWidth: 48,
  fontVariantNumeric: 'tabular-nums',
};

const monthOf = (period: string) => `${Number(period.slice(5, 7))}月`;

function Cell({ rowName, cell }: { rowName: string; cell: HeatmapCell }) {
  const label = `${rowName} ${cell.period.slice(0, 4)}年${monthOf(cell.period)}：${figuresText(cell)}`;
  const colours = RATE_BAND_COLOURS[rateBand(cell.rate)];
  return (
    <td aria-label={label} title={label} style={{ ...cellStyle, ...colours }}>
      {rateText(cell.rate)}
      {cell.checks > 0 ? (
        <div style={{ fontSize: 11, opacity: 0.85 }}>
          {cell.met}/{cell.checks}
        </div>
      ) : null}
    </td>
  );
}

/**
 * The heat map of a year: a row per child of the org (its whole subtree), a column per month, each cell the rate
 * of the monthly requirements judged (colour and figure, with its counts in words for a screen reader and a
 * tooltip). A row's name opens that child.
 */
export function ComplianceHeatmap({ heatmap, onOpen }: ComplianceHeatmapProps) {
  return (
    <div style={{ overflowX: 'auto' }}>
      <table
        aria-label={`${heatmap.org.name} ${heatmap.year}年各月达标情况`}
        data-testid="compliance-heatmap"
        style={{ borderCollapse: 'collapse', width: '100%' }}
      >
        <thead>
          <tr>
            <th scope="col" style={{ textAlign: 'left', padding: '6px 8px' }}>
              党组织
            </th>
            {heatmap.months.map((m) => (
              <th key={m} scope="col" style={{ padding: '6px 4px' }}>
                {monthOf(m)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {heatmap.rows.map((row) => (
            <tr key={row.org.id}>
              <th scope="row" style={{ textAlign: 'left', padding: '2px 8px', fontWeight: 'normal' }}>
                <Button
                  type="link"
                  style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                  onClick={() => onOpen(row.org)}
                >
                  {row.org.name}
                </Button>
                {row.org.dissolved ? <Typography.Text type="secondary">（已撤销）</Typography.Text> : null}
              </th>
              {row.cells.map((cell) => (
                <Cell key={cell.period} rowName={row.org.name} cell={cell} />
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row" style={{ textAlign: 'left', padding: '6px 8px' }}>
              合计
            </th>
            {heatmap.total.map((cell) => (
              <Cell key={cell.period} rowName={`${heatmap.org.name}合计`} cell={cell} />
            ))}
          </tr>
        </tbody>
      </table>
      <Flex gap={12} wrap style={{ marginTop: 8 }} aria-label="图例">
        {(Object.keys(RATE_BAND_LABELS) as RateBand[]).map((band) => (
          <Flex key={band} gap={4} align="center">
            <span
              aria-hidden
              style={{ display: 'inline-block', width: 14, height: 14, ...RATE_BAND_COLOURS[band] }}
            />
            <Typography.Text type="secondary">{RATE_BAND_LABELS[band]}</Typography.Text>
          </Flex>
        ))}
      </Flex>
    </div>
  );
}
