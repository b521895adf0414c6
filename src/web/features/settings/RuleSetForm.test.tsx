import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp, Button, ConfigProvider, Form } from 'antd';
import dayjs from 'dayjs';
import { describe, expect, it, vi } from 'vitest';
import { isBranchKind } from '../../../domain/org/index.ts';
import { DEFAULT_COMPLIANCE_RULES } from '../../../domain/org-life/index.ts';
import type { RuleSetInput } from '../../api/compliance-rules.ts';
import { formValuesOf, RuleSetForm } from './RuleSetForm.tsx';

const TODAY = dayjs('2026-06-15');

// jsdom has no ResizeObserver, which antd's Table observes its columns with: a browser API, answered with no sizes.
vi.stubGlobal(
  'ResizeObserver',
  class {
    observe() {}
    unobserve() {}
    disconnect() {}
  },
);

function Harness({ initial, onSubmit }: { initial: RuleSetInput; onSubmit: (body: RuleSetInput) => void }) {
  const [form] = Form.useForm();
  return (
    <>
      <RuleSetForm
        form={form}
        initial={formValuesOf(initial)}
        others={[DEFAULT_COMPLIANCE_RULES]}
        today={TODAY}
        onSubmit={onSubmit}
      />
      <Button onClick={() => form.submit()}>提交</Button>
    </>
  );
}

/** The form with a copy of the default from July 2026, and what it submits. */
function renderForm(change: Partial<RuleSetInput> = {}) {
  const submitted: RuleSetInput[] = [];
  const onSubmit = vi.fn((body: RuleSetInput) => submitted.push(body));
  const initial: RuleSetInput = {
    ...DEFAULT_COMPLIANCE_RULES,
    requirements: DEFAULT_COMPLIANCE_RULES.requirements.map((r) => ({
      ...r,
      appliesTo: r.appliesTo.filter(isBranchKind),
    })),
    version: '2026年7月起施行版本',
    validFrom: '2026-07-01',
    ...change,
  };
  render(
    <ConfigProvider button={{ autoInsertSpace: false }}>
      <AntApp>
        <Harness initial={initial} onSubmit={onSubmit} />
      </AntApp>
    </ConfigProvider>,
  );
  return { submitted, onSubmit };
}

/** The first two requirements of the default: enough where the rows do not matter. */
const few = () =>
  DEFAULT_COMPLIANCE_RULES.requirements
    .slice(0, 2)
    .map((r) => ({ ...r, appliesTo: r.appliesTo.filter(isBranchKind) }));

const submit = () => fireEvent.click(screen.getByRole('button', { name: '提交' }));

// Rows of selects are slow to render in jsdom on a busy machine.
describe('RuleSetForm', { timeout: 60_000 }, () => {
  it('submits the copy with its ids kept and the first day of the month', async () => {
    const { submitted } = renderForm({ requirements: few() });
    submit();
    await waitFor(() => expect(submitted).toHaveLength(1), { timeout: 10_000 });
    expect(submitted[0]).toMatchObject({
      version: '2026年7月起施行版本',
      validFrom: '2026-07-01',
      reminderDays: 15,
    });
    expect(submitted[0]?.requirements.map((r) => r.id)).toEqual([
      'general_meeting_quarterly',
      'committee_meeting_monthly',
    ]);
  });

  it('gives an added requirement an id of its own, and drops a removed one', async () => {
    const { submitted } = renderForm({ requirements: few() });
    const removes = screen.getAllByRole('button', { name: '移除' });
    fireEvent.click(removes[0] as HTMLElement); // 党员大会
    fireEvent.click(screen.getByRole('button', { name: '添加要求' }));
    fireEvent.click(screen.getByRole('button', { name: '添加要求' }));
    submit();
    await waitFor(() => expect(submitted).toHaveLength(1), { timeout: 10_000 });
    const ids = submitted[0]?.requirements.map((r) => r.id) ?? [];
    // Two new rows of the blank kind (主题党日, monthly): numbered apart.
    expect(ids).toEqual(['committee_meeting_monthly', 'theme_day_month', 'theme_day_month_2']);
  });

  it('asks for a name and states the bounds of the numbers in Chinese, without submitting', async () => {
    const { onSubmit } = renderForm({ requirements: few() });
    fireEvent.change(screen.getByPlaceholderText('如：2027年本市细则'), { target: { value: ' ' } });
    fireEvent.change(screen.getByRole('spinbutton', { name: '第1项最少次数' }), { target: { value: '0' } });
    fireEvent.change(screen.getByRole('spinbutton', { name: '提前提醒天数' }), { target: { value: '61' } });
    submit();
    expect(await screen.findByText('请填写版本名称', {}, { timeout: 10_000 })).toBeTruthy();
    expect(await screen.findAllByText(/1–31 之间的整数/, {}, { timeout: 10_000 })).not.toHaveLength(0);
    expect(await screen.findByText(/0–60 之间的整数/, {}, { timeout: 10_000 })).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('refuses what the domain refuses: a name taken, a month begun', async () => {
    const { onSubmit } = renderForm({ version: DEFAULT_COMPLIANCE_RULES.version, requirements: few() });
    submit();
    expect(
      await screen.findByText(/已有名为“2018-支部工作条例”的版本/, {}, { timeout: 10_000 }),
    ).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('refuses a version begun already', async () => {
    const { onSubmit } = renderForm({ validFrom: '2026-06-01', requirements: few() });
    submit();
    expect(await screen.findByText(/生效日期须晚于今天/, {}, { timeout: 10_000 })).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('asks for at least one requirement', async () => {
    const { onSubmit } = renderForm({ requirements: [] });
    submit();
    expect(await screen.findByText('请至少填写一项考核要求', {}, { timeout: 10_000 })).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('offers the flags only for their kind of meeting', async () => {
    renderForm();
    const rows = screen.getAllByRole('row').slice(1);
    const flags = (i: number) =>
      within(rows[i] as HTMLElement)
        .getAllByRole('checkbox')
        .map((c) => [(c as HTMLInputElement).checked, (c as HTMLInputElement).disabled]);
    // 支委会: 需设支委会 on and open; 党小组会: 按党小组 on (fixed); 书记讲党课: 须书记讲授 on and open.
    expect(flags(1)).toEqual([
      [true, false],
      [false, true],
      [false, true],
    ]);
    expect(flags(2)).toEqual([
      [false, true],
      [true, true],
      [false, true],
    ]);
    expect(flags(4)).toEqual([
      [false, true],
      [false, true],
      [true, false],
    ]);
  });
});
