import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../api/query-client.ts';
import { CheckInPage } from './CheckInPage.tsx';

afterEach(() => vi.unstubAllGlobals());

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function renderAt(url: string) {
  const router = createMemoryRouter([{ path: '/check-in/meetings/:meetingId', element: <CheckInPage /> }], {
    initialEntries: [url],
  });
  render(
    <AntApp>
      <QueryClientProvider client={createQueryClient()}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </AntApp>,
  );
}

describe('the check-in page of a meeting’s QR code', () => {
  it('checks in once with the code of the address and says 签到成功 with the meeting', async () => {
    const fetchMock = vi.fn(async (_request: Request) =>
      json(200, {
        meetingId: 7,
        topic: '十二月主题党日',
        attendance: 'present',
        checkedInAt: '2026-12-05T06:01:00Z',
      }),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderAt('/check-in/meetings/7?token=abc123');
    expect(await screen.findByText('签到成功')).toBeTruthy();
    expect(screen.getByText(/十二月主题党日/)).toBeTruthy();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const request = fetchMock.mock.calls[0]?.[0] as Request;
    expect(new URL(request.url).pathname).toBe('/api/meetings/7/check-in');
    expect(request.method).toBe('POST');
    expect(await request.json()).toEqual({ token: 'abc123' });
  });

  it('shows the server’s Chinese refusal', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(422, {
          error: {
            code: 'rule_violation',
            message: '签到码已过期',
            details: { reason: 'check_in_expired' },
          },
        }),
      ),
    );
    renderAt('/check-in/meetings/7?token=old');
    expect(await screen.findByText('签到失败')).toBeTruthy();
    expect(screen.getByText('签到码已过期')).toBeTruthy();
  });

  it('sends nothing without a code and asks to scan again', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    renderAt('/check-in/meetings/7');
    expect(await screen.findByText('签到失败')).toBeTruthy();
    expect(screen.getByText(/请重新扫描会场的签到二维码/)).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
