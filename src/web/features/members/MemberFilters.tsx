import { DatePicker, Form, type FormInstance, Select } from 'antd';
import {
  GENDER_LABELS,
  GENDERS,
  MEMBER_CATEGORIES,
  MEMBER_CATEGORY_LABELS,
  MEMBER_STATUS_LABELS,
  MEMBER_STATUSES,
} from '../../../domain/membership/index.ts';
import { useOrgDetail } from '../../api/orgs.ts';
import { DATE_FORMAT } from '../../ui/dates.ts';
import { FilterPanel } from '../../ui/FilterPanel.tsx';
import { OrgSelect } from '../../ui/OrgSelect.tsx';
import { AGE_BAND_OPTIONS, EDUCATION_FILTER_OPTIONS, matchesCodeOption } from './member-labels.ts';
import type { MemberFilterValues } from './member-query.ts';

const YES_NO = [
  { value: 'true', label: '是' },
  { value: 'false', label: '否' },
];

type MemberFiltersProps = {
  /** The org of a filter restored from the URL, so that the select names it. */
  orgId?: number;
  form: FormInstance<MemberFilterValues>;
  onSearch: (values: MemberFilterValues) => void;
  onReset: () => void;
};

/** The roster's collapsible filter form: 所属组织, 状态 and 类别 show first, the rest on 展开. */
export function MemberFilters({ orgId, form, onSearch, onReset }: MemberFiltersProps) {
  const org = useOrgDetail(orgId);
  return (
    <FilterPanel<MemberFilterValues> name="memberFilter" form={form} onSearch={onSearch} onReset={onReset}>
      <Form.Item label="所属组织（含下级）" name="orgId">
        <OrgSelect
          allowClear
          aria-label="所属组织"
          initial={org.data ? { id: org.data.id, name: org.data.name } : null}
        />
      </Form.Item>
      <Form.Item label="党籍状态" name="status">
        <Select
          mode="multiple"
          allowClear
          aria-label="党籍状态"
          placeholder="全部状态"
          maxTagCount="responsive"
          options={MEMBER_STATUSES.map((s) => ({ value: s, label: MEMBER_STATUS_LABELS[s] }))}
        />
      </Form.Item>
      <Form.Item label="人员类别" name="category">
        <Select
          mode="multiple"
          allowClear
          aria-label="人员类别"
          placeholder="全部类别"
          maxTagCount="responsive"
          options={MEMBER_CATEGORIES.map((c) => ({ value: c, label: MEMBER_CATEGORY_LABELS[c] }))}
        />
      </Form.Item>
      <Form.Item label="性别" name="gender">
        <Select
          allowClear
          aria-label="性别"
          placeholder="全部"
          options={GENDERS.map((g) => ({ value: g, label: GENDER_LABELS[g] }))}
        />
      </Form.Item>
      <Form.Item label="年龄段" name="ageBand">
        <Select allowClear aria-label="年龄段" placeholder="全部年龄" options={AGE_BAND_OPTIONS} />
      </Form.Item>
      <Form.Item label="学历" name="education">
        <Select
          allowClear
          aria-label="学历"
          placeholder="全部学历"
          showSearch={{ filterOption: matchesCodeOption }}
          options={EDUCATION_FILTER_OPTIONS}
        />
      </Form.Item>
      <Form.Item label="入党时间" name="admitted">
        <DatePicker.RangePicker
          format={DATE_FORMAT}
          allowEmpty={[true, true]}
          style={{ width: '100%' }}
          aria-label="入党时间"
        />
      </Form.Item>
      <Form.Item label="流动党员" name="mobile">
        <Select allowClear aria-label="流动党员" placeholder="全部" options={YES_NO} />
      </Form.Item>
      <Form.Item label="困难党员" name="hardship">
        <Select allowClear aria-label="困难党员" placeholder="全部" options={YES_NO} />
      </Form.Item>
    </FilterPanel>
  );
}
