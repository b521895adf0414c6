import { fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { ComplianceFinding, HeatmapView } from '../../api/compliance.ts';
import { ComplianceFindings } from './ComplianceFindings.tsx';
import { ComplianceHeatmap } from './ComplianceHeatmap.tsx';

const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
const cell = (period: string, met: number, checks: number) => ({
  period,
  rate: checks === 0 ? null : met / checks,
  checks,
  met,
  missing: checks - met,
  notClosed: 0,
  due: 0,
});
const heatmap: HeatmapView = {
  org: { id: 1, name: '花园社区党委', kind: 'committee' },
  year: 2026,
  asOf: '2026-12-05',
  months,
  total: months.map((m) => cell(m, 3, 4)),
  rows: [
    {
      org: { id: 2, name: '花园社区第一党支部', kind: 'branch', dissolved: false },
      cells: months.map((m, i) => (i < 11 ? cell(m, i === 2 ? 1 : 2, 2) : cell(m, 0, 0))),
    },
  ],
};

describe('the heat map', () => {
  it('names every cell by its org, month and figures, and opens a row’s org', () => {
    const onOpen = vi.fn();
    render(<ComplianceHeatmap heatmap={heatmap} onOpen={onOpen} />);
    const table = screen.getByRole('table', { name: '花园社区党委 2026年各月达标情况' });
    expect(table).toBeTruthy();
    const march = screen.getByRole('cell', { name: /^花园社区第一党支部 2026年3月：/ });
    expect(march.getAttribute('title')).toBe(
      '花园社区第一党支部 2026年3月：达标率 50%，考核 2 项，达标 1 项，未达要求 1 项',
    );
    expect(march.textContent).toBe('50%1/2');
    expect(screen.getByRole('cell', { name: /^花园社区第一党支部 2026年12月：/ }).textContent).toBe('—');
    fireEvent.click(screen.getByRole('button', { name: '花园社区第一党支部' }));
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: 2 }));
  });
});

const finding = (extra: Partial<ComplianceFinding>): ComplianceFinding => ({
  kind: 'missing',
  requirementId: 'general_meeting',
  meetingKind: 'general_meeting',
  period: '2026-Q3',
  periodLabel: '2026年第三季度',
  group: null,
  required: 1,
  closed: 0,
  meetingIds: [],
  article: '支部工作条例第十一条',
  message: '2026年第三季度支部党员大会未达要求（应至少1次，已办结0次）',
  ...extra,
});

describe('the findings of a branch', () => {
  it('links a missing meeting to planning it (in its group), and an unclosed one to the meeting', () => {
    render(
      <MemoryRouter>
        <ComplianceFindings
          orgId={2}
          findings={[
            finding({}),
            finding({
              kind: 'missing',
              meetingKind: 'group_meeting',
              group: { id: 3, name: '第一党小组' },
              message: '党小组会未达要求',
            }),
            finding({
              kind: 'not_closed',
              meetingKind: 'theme_day',
              meetingIds: [41],
              message: '主题党日未办结',
            }),
          ]}
        />
      </MemoryRouter>,
    );
    const plan = screen.getByRole('link', { name: /^安排会议：2026年第三季度支部党员大会未达要求/ });
    expect(plan.getAttribute('href')).toBe('/meetings/new?orgId=2&kind=general_meeting');
    expect(screen.getByRole('link', { name: '安排会议：党小组会未达要求' }).getAttribute('href')).toBe(
      '/meetings/new?orgId=3&kind=group_meeting',
    );
    expect(screen.getByRole('link', { name: '查看会议：主题党日未办结' }).getAttribute('href')).toBe(
      '/meetings/41',
    );
  });
});
