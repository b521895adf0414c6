import { Select } from 'antd';

/** A year among the last ten and the next one. */
export function YearSelect({ value, onChange }: { value: number; onChange: (year: number) => void }) {
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 11 }, (_, i) => thisYear + 1 - i);
  return (
    <Select
      aria-label="年度"
      style={{ width: 120 }}
      value={value}
      onChange={onChange}
      options={years.map((y) => ({ value: y, label: `${y}年` }))}
    />
  );
}
