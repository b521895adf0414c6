import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { usePageTitle } from './use-page-title.ts';

type PageHeaderProps = {
  title: ReactNode;
  /** One line on what the page is for. */
  description?: ReactNode;
  /** Toolbar buttons, right-aligned. */
  extra?: ReactNode;
  /** The browser tab's title when `title` is not plain text. */
  documentTitle?: string;
};

/** The title of a page, its one-line purpose and its toolbar; it also names the browser tab after the page. */
export function PageHeader({ title, description, extra, documentTitle }: PageHeaderProps) {
  usePageTitle(documentTitle ?? (typeof title === 'string' ? title : undefined));
  return (
    <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 16 }}>
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {description ? (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
            {description}
          </Typography.Text>
        ) : null}
      </div>
      {extra ? (
        <Flex gap={8} wrap>
          {extra}
        </Flex>
      ) : null}
    </Flex>
  );
}
