import { useQuery } from '@tanstack/react-query';
import { Card, Checkbox, Col, Flex, Grid, Row } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { orgRootsQuery, useOrgDetail } from '../../api/orgs.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { OrgDetailPanel } from './OrgDetailPanel.tsx';
import { OrgSearchBox } from './OrgSearchBox.tsx';
import { OrgTree } from './OrgTree.tsx';

/** 组织管理: the tree (with search) on the left, the chosen org's details and actions on the right. */
export function OrgsPage() {
  const params = useParams();
  const navigate = useNavigate();
  const selectedId = params.orgId ? Number(params.orgId) : undefined;
  const roots = useQuery(orgRootsQuery);
  const detail = useOrgDetail(selectedId);
  const select = (id: number) => navigate(`/orgs/${id}`);
  const [showDissolved, setShowDissolved] = useState(false);
  // On a phone (under 768 px) the tree stacks above the details, each the screen's width (docs/design.md §4.4).
  const phone = Grid.useBreakpoint().md === false;

  // Open on the top of the user's scope rather than an empty panel.
  const firstRoot = roots.data?.[0]?.id;
  useEffect(() => {
    if (selectedId === undefined && firstRoot !== undefined)
      navigate(`/orgs/${firstRoot}`, { replace: true });
  }, [selectedId, firstRoot, navigate]);

  const revealPath = detail.data?.ancestors.filter((a) => a.inScope).map((a) => a.id) ?? [];

  return (
    <>
      <PageHeader
        title="组织管理"
        description="维护党组织设置、隶属关系与班子成员，查看换届和书记空缺提醒。"
      />
      <Row gutter={[16, 16]} wrap={phone}>
        <Col flex={phone ? '1 1 100%' : '380px'} style={{ minWidth: 0 }}>
          <Card
            size="small"
            style={phone ? undefined : { position: 'sticky', top: 16 }}
            styles={{
              body: {
                height: phone ? 360 : 'calc(100vh - 190px)',
                minHeight: 360,
                display: 'flex',
                flexDirection: 'column',
                gap: 12,
              },
            }}
          >
            <OrgSearchBox onSelect={select} includeDissolved={showDissolved} />
            <Checkbox checked={showDissolved} onChange={(e) => setShowDissolved(e.target.checked)}>
              显示已撤销的组织
            </Checkbox>
            <OrgTree
              selectedId={selectedId}
              onSelect={select}
              revealPath={revealPath}
              showDissolved={showDissolved}
            />
          </Card>
        </Col>
        <Col flex={phone ? '1 1 100%' : 'auto'} style={{ minWidth: 0 }}>
          {selectedId === undefined ? (
            <Card>
              <Flex justify="center" style={{ paddingBlock: 48 }}>
                <EmptyState description="在左侧组织树中选择一个组织，或在搜索框中输入名称查找。" />
              </Flex>
            </Card>
          ) : (
            <OrgDetailPanel orgId={selectedId} onNavigate={select} />
          )}
        </Col>
      </Row>
    </>
  );
}
