import { Card, DatePicker, Flex, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import type { LedgerPeriod } from '../../api/ledger.ts';
import { DATE_FORMAT } from '../../ui/dates.ts';
import { OrgSelect } from '../../ui/OrgSelect.tsx';
import { type OrgRef, periodPresets } from './ledger-query.ts';

type LedgerControlsProps = {
  orgId: number | undefined;
  /** The chosen org's name, so that the select shows it before any search. */
  org: OrgRef | undefined;
  period: LedgerPeriod;
  today: Dayjs;
  onOrg: (org: OrgRef) => void;
  onPeriod: (period: LedgerPeriod) => void;
};

/** Which org (with its whole subtree) and which period the 台账 is drawn for. */
export function LedgerControls({ orgId, org, period, today, onOrg, onPeriod }: LedgerControlsProps) {
  const presets = useMemo(
    () =>
      periodPresets(today).map((p) => ({
        label: p.label,
        value: [dayjs(p.period.from), dayjs(p.period.to)] as [Dayjs, Dayjs],
      })),
    [today],
  );
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Flex gap={24} wrap align="center">
        <Form.Item label="党组织（含下级）" htmlFor="ledger-org" style={{ margin: 0, minWidth: 360 }}>
          <OrgSelect
            // Re-mounted when the org changes from outside (a link, 后退), so that it names the new one.
            key={orgId ?? 'none'}
            id="ledger-org"
            aria-label="党组织"
            data-testid="ledger-org"
            placeholder="输入组织名称搜索"
            value={orgId}
            initial={org ?? null}
            onChange={(_, next) => {
              if (next) onOrg(next);
            }}
          />
        </Form.Item>
        <Form.Item label="统计期间" style={{ margin: 0 }}>
          <DatePicker.RangePicker
            aria-label="统计期间"
            format={DATE_FORMAT}
            allowClear={false}
            value={[dayjs(period.from), dayjs(period.to)]}
            presets={presets}
            disabledDate={(d) => d.isAfter(today, 'day')}
            onChange={(range) => {
              const [from, to] = range ?? [];
              if (from && to) onPeriod({ from: from.format(DATE_FORMAT), to: to.format(DATE_FORMAT) });
            }}
          />
        </Form.Item>
      </Flex>
    </Card>
  );
}
