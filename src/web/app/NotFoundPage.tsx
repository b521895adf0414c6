import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { usePageTitle } from '../ui/use-page-title.ts';

export function NotFoundPage() {
  const navigate = useNavigate();
  usePageTitle('页面不存在');
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在，请检查地址或从左侧菜单进入。"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回首页
        </Button>
      }
    />
  );
}
