import { isActiveOn, LEADERSHIP_POSTS } from '../../../domain/org/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import type { PostWithTerm, TermRow } from './leadership.repo.ts';
import type { OrgEventRow, OrgRow, OrgSummaryRow } from './orgs.repo.ts';

/** The rows as the contracts (src/contracts/orgs.ts) show them. */
export function summaryView(row: OrgSummaryRow) {
  return {
    id: row.id,
    parentId: row.parentId,
    name: row.name,
    kind: row.kind,
    sector: row.sector,
    code: row.code,
    dissolvedOn: row.dissolvedOn,
    childCount: row.childCount,
  };
}

export function orgRecord(row: OrgRow) {
  return {
    id: row.id,
    parentId: row.parentId,
    path: row.path,
    name: row.name,
    kind: row.kind,
    sector: row.sector,
    code: row.code,
    establishedOn: row.establishedOn,
    approvalDocNo: row.approvalDocNo,
    dissolvedOn: row.dissolvedOn,
    dissolutionReason: row.dissolutionReason,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function leadershipView(row: PostWithTerm, today: IsoDate) {
  return {
    id: row.id,
    orgId: row.orgId,
    post: row.post,
    holderName: row.holderName,
    startedOn: row.startedOn,
    termId: row.termId,
    endsOn: row.termEndsOn,
    leftOn: row.leftOn,
    leftReason: row.leftReason,
    active: isActiveOn(row, today),
    version: row.version,
  };
}

/** Posts held today first, in the order of the posts (书记 first), then the most recent. */
export function leadershipViews(rows: readonly PostWithTerm[], today: IsoDate) {
  const views = rows.map((r) => leadershipView(r, today));
  return views.sort(
    (a, b) =>
      Number(b.active) - Number(a.active) ||
      LEADERSHIP_POSTS.indexOf(a.post) - LEADERSHIP_POSTS.indexOf(b.post) ||
      b.startedOn.localeCompare(a.startedOn) ||
      b.id - a.id,
  );
}

export function termView(row: TermRow) {
  return {
    id: row.id,
    orgId: row.orgId,
    electedOn: row.electedOn,
    endsOn: row.endsOn,
    electionDocNo: row.electionDocNo,
    electionDocDate: row.electionDocDate,
    approvalDocNo: row.approvalDocNo,
    approvalDocDate: row.approvalDocDate,
    endedOn: row.endedOn,
    version: row.version,
  };
}

export function eventView(row: OrgEventRow) {
  return {
    id: row.id,
    kind: row.kind,
    effectiveOn: row.effectiveOn,
    details: row.details,
    actorId: row.actorId,
    recordedAt: row.recordedAt.toISOString(),
  };
}
