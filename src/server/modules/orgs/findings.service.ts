import type { z } from 'zod';
import type { FindingListQuery } from '../../../contracts/orgs.ts';
import { orgIn, scopeFor } from '../../access/index.ts';
import type { Ctx } from '../../context.ts';
import { readFindingPage } from '../../todos/index.ts';

/**
 * 待办 findings of the actor's `org.read` scope (or of one subtree in it), most urgent first: every module's, as the
 * to-do registry keeps them (src/server/todos).
 */
export async function listFindings(ctx: Ctx, query: z.output<typeof FindingListQuery>) {
  const scope = scopeFor(ctx, 'org.read');
  const within = query.orgId === undefined ? null : (await orgIn(ctx, scope, query.orgId)).path;
  return readFindingPage(
    ctx,
    scope,
    { within, kind: query.kind, severity: query.severity },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
}
