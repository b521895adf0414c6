import { MinusSquareOutlined, PlusSquareOutlined } from '@ant-design/icons';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Flex, Tag, Tree, type TreeDataNode, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { OrgSummary } from '../../../contracts/orgs.ts';
import { ORG_KIND_LABELS } from '../../../domain/org/index.ts';
import { orgChildrenQuery, orgRootsQuery } from '../../api/orgs.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useElementHeight } from '../../ui/use-element-height.ts';

type OrgNode = TreeDataNode & { org: OrgSummary };

type OrgTreeProps = {
  selectedId: number | undefined;
  onSelect: (id: number) => void;
  /** Ids from a root down to the selected org's parent: expanded so that the selection shows. */
  revealPath: number[];
  /** Also list dissolved orgs (struck through, tagged 已撤销), to read their history. */
  showDissolved?: boolean;
};

function OrgTitle({ org }: { org: OrgSummary }) {
  return (
    <Flex gap={6} align="center" style={{ minWidth: 0 }} title={org.name}>
      <Typography.Text delete={org.dissolvedOn !== null} ellipsis style={{ minWidth: 0 }}>
        {org.name}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12, flex: 'none' }}>
        {ORG_KIND_LABELS[org.kind]}
      </Typography.Text>
      {org.dissolvedOn ? <Tag style={{ marginInlineEnd: 0 }}>已撤销</Tag> : null}
    </Flex>
  );
}

/**
 * The org tree, loaded one level at a time (GET /api/orgs/roots, then /api/orgs/:id/children on expand), so
 * that it stays quick with tens of thousands of orgs; a virtual list renders only the visible rows.
 */
export function OrgTree({ selectedId, onSelect, revealPath, showDissolved = false }: OrgTreeProps) {
  const queryClient = useQueryClient();
  const roots = useQuery(orgRootsQuery);
  const [expanded, setExpanded] = useState<number[]>([]);
  const [loaded, setLoaded] = useState<number[]>([]);
  const [box, height] = useElementHeight();
  const tree = useRef<{ scrollTo: (arg: { key: number; align?: 'top' | 'auto' }) => void }>(null);

  const children = useQueries({
    queries: loaded.map((id) => orgChildrenQuery(id, showDissolved)),
    combine: useCallback(
      (results: { data?: OrgSummary[] }[]) => new Map(loaded.map((id, i) => [id, results[i]?.data])),
      [loaded],
    ),
  });

  const treeData = useMemo(() => {
    const toNode = (org: OrgSummary): OrgNode => {
      const kids = children.get(org.id);
      return {
        key: org.id,
        org,
        title: <OrgTitle org={org} />,
        // childCount counts the active children only: with dissolved ones shown, a node is a leaf once loaded empty.
        isLeaf: showDissolved
          ? kids !== undefined && kids.length === 0
          : org.childCount === 0 && !kids?.length,
        ...(kids ? { children: kids.map(toNode) } : {}),
      };
    };
    return (roots.data ?? []).map(toNode);
  }, [roots.data, children, showDissolved]);

  const loadChildren = useCallback(
    async (id: number) => {
      await queryClient.ensureQueryData(orgChildrenQuery(id, showDissolved));
      setLoaded((prev) => (prev.includes(id) ? prev : [...prev, id]));
    },
    [queryClient, showDissolved],
  );

  // Reveal a selection made elsewhere (search, a link): load and open each level down to it.
  const revealKey = revealPath.join('.');
  // biome-ignore lint/correctness/useExhaustiveDependencies: revealKey stands for revealPath (a new array each render)
  useEffect(() => {
    if (revealPath.length === 0 && selectedId === undefined) return;
    let cancelled = false;
    (async () => {
      for (const id of revealPath) await loadChildren(id);
      if (cancelled) return;
      setExpanded((prev) => [...new Set([...prev, ...revealPath])]);
      if (selectedId !== undefined)
        setTimeout(() => tree.current?.scrollTo({ key: selectedId, align: 'auto' }), 50);
    })().catch(() => {
      // A level failed to load: the tree shows what it has; the detail on the right is unaffected.
    });
    return () => {
      cancelled = true;
    };
  }, [revealKey, selectedId, loadChildren]);

  if (roots.isPending) return <LoadingState tip="正在加载组织树…" />;
  if (roots.isError) return <ErrorState error={roots.error} what="组织树" onRetry={() => roots.refetch()} />;
  if (treeData.length === 0) return <EmptyState description="您的管辖范围内暂无组织。" />;

  return (
    <div ref={box} style={{ flex: 1, minHeight: 0 }}>
      <Tree<OrgNode>
        ref={tree as never}
        aria-label="组织树"
        blockNode
        showLine
        // The default icons of showLine, named for what a click does (not "plus-square").
        switcherIcon={({ expanded }) =>
          expanded ? <MinusSquareOutlined aria-label="收起" /> : <PlusSquareOutlined aria-label="展开" />
        }
        height={height}
        treeData={treeData}
        selectedKeys={selectedId !== undefined ? [selectedId] : []}
        expandedKeys={expanded}
        loadedKeys={loaded}
        onExpand={(keys) => setExpanded(keys.map(Number))}
        loadData={(node) => loadChildren(Number(node.key))}
        onSelect={(_keys, info) => onSelect(Number(info.node.key))}
      />
    </div>
  );
}
