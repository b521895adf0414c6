import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { usePageTitle } from '../ui/use-page-title.ts';

export function ForbiddenPage() {
  const navigate = useNavigate();
  usePageTitle('无权访问');
  return (
    <Result
      status="403"
      title="无权访问"
      subTitle="您的角色没有使用此功能的权限。如需开通，请联系本级组织管理员。"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回首页
        </Button>
      }
    />
  );
}
