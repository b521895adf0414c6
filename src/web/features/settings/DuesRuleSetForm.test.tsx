import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp, Button, ConfigProvider, Form } from 'antd';
import dayjs from 'dayjs';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_DUES_RULES, type DuesRuleSet } from '../../../domain/dues/index.ts';
import type { DuesRuleSetInput } from '../../api/dues-rules.ts';
import { DuesRuleSetForm, duesFormValuesOf } from './DuesRuleSetForm.tsx';

const TODAY = dayjs('2026-06-15');

vi.stubGlobal(
  'ResizeObserver',
  class {
    observe() {}
    unobserve() {}
    disconnect() {}
  },
);

function Harness({
  initial,
  onSubmit,
}: {
  initial: DuesRuleSet;
  onSubmit: (body: DuesRuleSetInput) => void;
}) {
  const [form] = Form.useForm();
  return (
    <>
      <DuesRuleSetForm
        form={form}
        initial={duesFormValuesOf(initial)}
        others={[DEFAULT_DUES_RULES]}
        today={TODAY}
        onSubmit={onSubmit}
      />
      <Button onClick={() => form.submit()}>提交</Button>
    </>
  );
}

/** The form with a copy of the default from July 2026, and what it submits. */
function renderForm(change: Partial<DuesRuleSet> = {}) {
  const submitted: DuesRuleSetInput[] = [];
  const onSubmit = vi.fn((body: DuesRuleSetInput) => submitted.push(body));
  const initial = {
    ...DEFAULT_DUES_RULES,
    version: '2026年7月起施行标准',
    validFrom: '2026-07-01',
    ...change,
  };
  render(
    <ConfigProvider button={{ autoInsertSpace: false }}>
      <AntApp>
        <Harness initial={initial as DuesRuleSet} onSubmit={onSubmit} />
      </AntApp>
    </ConfigProvider>,
  );
  return { submitted, onSubmit };
}

const submit = () => fireEvent.click(screen.getByRole('button', { name: '提交' }));
const type = (label: string, value: string) =>
  fireEvent.change(screen.getByRole('textbox', { name: label }), { target: { value } });

describe('DuesRuleSetForm', { timeout: 60_000 }, () => {
  it('submits the copy in 分 and 基点 from the first day of the month', async () => {
    const { submitted } = renderForm();
    type('农民每月金额', '0.5');
    type('在职党员（含个体经营等）第1档上限', '3,500.10');
    fireEvent.change(screen.getByRole('spinbutton', { name: '离退休党员第2档比例' }), {
      target: { value: '1.25' },
    });
    submit();
    await waitFor(() => expect(submitted).toHaveLength(1), { timeout: 10_000 });
    expect(submitted[0]).toMatchObject({
      version: '2026年7月起施行标准',
      validFrom: '2026-07-01',
      flat: { farmer: 50, student: 20 },
      centreThreshold: 100_000,
      brackets: {
        employed: [
          { upTo: 350_010, rateBp: 50 },
          { upTo: 500_000, rateBp: 100 },
          { upTo: 1_000_000, rateBp: 150 },
          { upTo: null, rateBp: 200 },
        ],
        retired: [
          { upTo: 500_000, rateBp: 50 },
          { upTo: null, rateBp: 125 },
        ],
      },
    });
  });

  it('refuses an amount that is not one, and bounds not ascending, without submitting', async () => {
    const { onSubmit } = renderForm();
    type('学生每月金额', '0.123');
    submit();
    expect(await screen.findByText('请填写金额（元，最多两位小数）', {}, { timeout: 10_000 })).toBeTruthy();
    type('学生每月金额', '0.2');
    type('在职党员（含个体经营等）第2档上限', '2000');
    submit();
    expect(await screen.findByText(/第2档的上限须高于上一档/, {}, { timeout: 10_000 })).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('refuses a month begun', async () => {
    const { onSubmit } = renderForm({ validFrom: '2026-06-01' as never });
    submit();
    expect(await screen.findByText(/生效日期须晚于今天/, {}, { timeout: 10_000 })).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
