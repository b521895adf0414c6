import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router';
import { meKey } from '../api/auth.ts';
import { setApiEventHandlers } from '../api/client.ts';
import { createQueryClient } from '../api/query-client.ts';
import { router } from './router.tsx';
import { markSessionExpired } from './session-notice.ts';
import { appTheme } from './theme.ts';

dayjs.locale('zh-cn');

/** Providers: one theme with the zh_CN locale, antd's App context (message, modal), queries, routes. */
export function App() {
  const [queryClient] = useState(createQueryClient);

  useEffect(() => {
    setApiEventHandlers({
      // The session is gone: forget the user; the session guard then sends them to the login page.
      onUnauthenticated: () => {
        if (queryClient.getQueryData(meKey)) markSessionExpired();
        queryClient.setQueryData(meKey, null);
      },
      // The account must change its password first: re-read it; the guard then shows the change page.
      onPasswordChangeRequired: () => void queryClient.invalidateQueries({ queryKey: meKey }),
    });
  }, [queryClient]);

  return (
    <ConfigProvider locale={zhCN} theme={appTheme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
