import { Flex, Segmented, Select } from 'antd';
import { PERIOD_UNIT_LABELS, type PeriodChoice, type PeriodUnit, withUnit } from './compliance-query.ts';

type CompliancePeriodPickerProps = {
  value: PeriodChoice;
  /** The years offered: this one and the five before it. */
  thisYear: number;
  onChange: (next: PeriodChoice) => void;
};

const UNITS: PeriodUnit[] = ['month', 'quarter', 'year'];
const QUARTER_NAMES = ['第一季度', '第二季度', '第三季度', '第四季度'];

/** 考核期间: a month, a quarter or a year, chosen as the unit, the year and the part of it. */
export function CompliancePeriodPicker({ value, thisYear, onChange }: CompliancePeriodPickerProps) {
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  return (
    <Flex gap={8} wrap align="center">
      <Segmented<PeriodUnit>
        aria-label="考核周期"
        value={value.unit}
        options={UNITS.map((u) => ({ value: u, label: PERIOD_UNIT_LABELS[u] }))}
        onChange={(unit) => onChange(withUnit(value, unit))}
      />
      <Select<number>
        aria-label="年度"
        style={{ width: 110 }}
        value={value.year}
        options={years.map((y) => ({ value: y, label: `${y}年` }))}
        onChange={(year) => onChange({ ...value, year })}
      />
      {value.unit === 'quarter' ? (
        <Select<number>
          aria-label="季度"
          style={{ width: 120 }}
          value={value.index}
          options={QUARTER_NAMES.map((label, i) => ({ value: i + 1, label }))}
          onChange={(index) => onChange({ ...value, index })}
        />
      ) : null}
      {value.unit === 'month' ? (
        <Select<number>
          aria-label="月份"
          style={{ width: 100 }}
          value={value.index}
          options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}月` }))}
          onChange={(index) => onChange({ ...value, index })}
        />
      ) : null}
    </Flex>
  );
}
