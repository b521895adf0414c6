import type { TalkView } from '../../../contracts/talks.ts';
import { canAt } from '../../access/index.ts';
import type { Ctx } from '../../context.ts';
import type { TalkRecord } from './talks.repo.ts';

export function talkView(ctx: Ctx, t: TalkRecord): TalkView {
  return {
    id: t.id,
    orgId: t.orgId,
    orgName: t.orgName,
    talkedOn: t.talkedOn,
    memberId: t.memberId,
    memberName: t.memberName,
    partnerId: t.partnerId,
    partnerName: t.partnerName,
    topic: t.topic,
    summary: t.summary,
    can: { edit: canAt(ctx, 'org_life.manage', t.orgPath) },
    version: t.version,
  };
}

/** What the audit row of a talk keeps (the summary's words stay in the record, not in the log). */
export function auditedTalk(t: Pick<TalkRecord, 'orgId' | 'talkedOn' | 'memberId' | 'partnerId' | 'topic'>) {
  return {
    orgId: t.orgId,
    talkedOn: t.talkedOn,
    memberId: t.memberId,
    partnerId: t.partnerId,
    topic: t.topic,
  };
}
