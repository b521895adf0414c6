import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { type LapseCaseView, lapseCaseKeys, type MemberLapseCases } from '../../api/lapse-cases.ts';
import type { MemberDetail } from '../../api/members.ts';
import { createQueryClient } from '../../api/query-client.ts';
import { LapseCaseNotice, LapseCasesCard, monthLabel, runLabel } from './LapseCasesCard.tsx';

const member = {
  id: 7,
  name: '赵脱离',
  status: 'full',
  can: { edit: true, reveal: false, changeStatus: true, transfer: true },
} as MemberDetail;

const steps = (recorded: Partial<Record<string, string>>): LapseCaseView['steps'] =>
  (
    [
      ['investigate', '核实情况、了解有无正当理由'],
      ['talk', '与本人谈话'],
      ['general_meeting', '支部大会讨论决定'],
      ['approval', '报上级党组织批准'],
    ] as const
  ).map(([key, label]) => ({ key, label, on: recorded[key] ?? null, note: null }));

const aCase = (extra: Partial<LapseCaseView>): LapseCaseView => ({
  id: 1,
  memberId: 7,
  memberName: '赵脱离',
  orgId: 3,
  orgName: '第一党支部',
  openedInOrgName: '第一党支部',
  cause: 'org_life_absence',
  runFrom: '2025-12',
  runTo: '2026-05',
  openedOn: '2026-06-15',
  status: 'open',
  outcome: null,
  outcomeNote: null,
  deadline: null,
  closedOn: null,
  steps: steps({}),
  can: { change: true },
  version: 1,
  ...extra,
});

function renderWith(data: MemberLapseCases, ui: React.ReactNode) {
  const queryClient = createQueryClient();
  queryClient.setQueryData(lapseCaseKeys.member(member.id), data);
  render(
    <AntApp>
      <QueryClientProvider client={queryClient}>
        <MemoryRouter>{ui}</MemoryRouter>
      </QueryClientProvider>
    </AntApp>,
  );
}

const noDues = {
  cause: 'dues_arrears' as const,
  finding: null,
  canOpen: false,
  why: '该党员目前没有“连续6个月不交纳党费”的待办，不能立案（党章第九条：连续6个月）',
};

describe('自行脱党情形 on the member page', () => {
  it('names months and runs in Chinese', () => {
    expect(monthLabel('2026-03')).toBe('2026年3月');
    expect(runLabel({ runFrom: '2025-12', runTo: '2026-05' })).toBe('2025年12月至2026年5月');
  });

  it('offers 立案 only for the cause whose 6-month to-do stands, and shows the to-do', () => {
    renderWith(
      {
        items: [],
        causes: [
          {
            cause: 'org_life_absence',
            finding: {
              message: '赵脱离已连续6个月未参加党的组织生活，请立案办理',
              runFrom: '2025-12',
              runTo: '2026-05',
            },
            canOpen: true,
            why: null,
          },
          noDues,
        ],
      },
      <LapseCasesCard member={member} />,
    );
    expect(screen.getByText('赵脱离已连续6个月未参加党的组织生活，请立案办理')).toBeTruthy();
    const absence = screen.getByRole('button', {
      name: '立案：连续6个月不参加党的组织生活',
    }) as HTMLButtonElement;
    const dues = screen.getByRole('button', { name: '立案：连续6个月不交纳党费' }) as HTMLButtonElement;
    expect(absence.disabled).toBe(false);
    expect(dues.disabled).toBe(true);
    expect(screen.getByText('暂无自行脱党情形案件。')).toBeTruthy();
  });

  it('shows the procedure of a case, and after 除名 the way to 出党', () => {
    renderWith(
      {
        items: [
          aCase({ id: 2, steps: steps({ investigate: '2026-06-15' }) }),
          aCase({
            id: 1,
            status: 'closed',
            outcome: 'removal',
            closedOn: '2026-06-20',
            steps: steps({
              investigate: '2026-06-15',
              general_meeting: '2026-06-18',
              approval: '2026-06-20',
            }),
            can: { change: false },
          }),
        ],
        causes: [{ cause: 'org_life_absence', finding: null, canOpen: false, why: '已有办理中案件' }, noDues],
      },
      <LapseCasesCard member={member} />,
    );
    const [open, closed] = screen.getAllByLabelText('办理步骤', { selector: 'div' });
    expect(within(open as HTMLElement).getByText(/✔ 核实情况、了解有无正当理由（2026-06-15）/)).toBeTruthy();
    expect(within(open as HTMLElement).getByText(/○ 与本人谈话/)).toBeTruthy();
    expect(within(closed as HTMLElement).getByText(/✔ 报上级党组织批准（2026-06-20）/)).toBeTruthy();
    expect(screen.getAllByRole('button', { name: /^办\s?结$/ })).toHaveLength(1);
    expect(screen.getByText('支部大会已决定按自行脱党除名')).toBeTruthy();
    expect(screen.getByRole('button', { name: '办理出党' })).toBeTruthy();
  });

  it('puts a notice above the tabs while a case is to be opened', () => {
    renderWith(
      {
        items: [],
        causes: [
          {
            cause: 'org_life_absence',
            finding: { message: 'x', runFrom: '2025-12', runTo: '2026-05' },
            canOpen: true,
            why: null,
          },
          noDues,
        ],
      },
      <LapseCaseNotice memberId={member.id} onShow={() => undefined} />,
    );
    expect(screen.getByText('连续6个月不参加党的组织生活，请立案办理（党章第九条）')).toBeTruthy();
  });
});
