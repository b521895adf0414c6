import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows } from '../../testing/actors.ts';
import { closedMeeting, createMeeting, postAttachment } from '../../testing/fixtures/meetings.ts';
import {
  createMember,
  expectRule,
  expectStatus,
  type RosterWorld,
  startRosterWorld,
} from '../../testing/fixtures/members.ts';

let w: RosterWorld;
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 7),
]);
const PDF = Buffer.from('%PDF-1.7\n% 签到表\n');

beforeAll(async () => {
  w = await startRosterWorld();
  await createMember(w.as.sec_a1, w.tree.branchA1.id, {}, { name: '李明' });
});
afterAll(() => w.t.close());

describe('meeting attachments (docs/organizational-life.md §4)', () => {
  it('stores a file of an allowed type, lists it, hands it back and removes it, audited', async () => {
    const m = await createMeeting(w.as.sec_a1, w.tree.branchA1.id);
    const res = await postAttachment(w.t.app, w.as.sec_a1, m.id, { name: '会议签到表.png', content: PNG });
    expectStatus(res, 200);
    const a = res.json();
    expect(a).toMatchObject({
      meetingId: m.id,
      fileName: '会议签到表.png',
      mimeType: 'image/png',
      sizeBytes: PNG.length,
    });
    expect((await w.as.admin_a.get(`/api/meetings/${m.id}/attachments`)).json()).toEqual([a]);
    const file = await w.as.sec_a1.get(`/api/meetings/${m.id}/attachments/${a.id}`);
    expectStatus(file, 200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(PNG)).toBe(true);
    expect((await w.as.sec_a1.get(`/api/meetings/${m.id}`)).json().attachmentCount).toBe(1);
    const [added] = await auditRows(w.t.deps.db, 'meeting.attachment_add', m.id);
    expect(added?.diff).toMatchObject({ after: { attachmentId: a.id, fileName: '会议签到表.png' } });

    expectStatus(await w.as.sec_a1.delete(`/api/meetings/${m.id}/attachments/${a.id}`), 200);
    expectStatus(await w.as.sec_a1.get(`/api/meetings/${m.id}/attachments/${a.id}`), 404);
    expect((await auditRows(w.t.deps.db, 'meeting.attachment_remove', m.id)).length).toBe(1);
  });

  it.each<[string, string, Buffer]>([
    ['an executable', 'setup.exe', Buffer.from('MZ\x90\x00\x03\x00')],
    ['a JPEG named .pdf', '记录.pdf', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0])],
    ['an HTML page named .png', 'x.png', Buffer.from('<html><script>alert(1)</script>')],
  ])('refuses %s by its content, in Chinese', async (_, name, content) => {
    const m = await createMeeting(w.as.sec_a1, w.tree.branchA1.id);
    const res = await postAttachment(w.t.app, w.as.sec_a1, m.id, { name, content });
    expectRule(res, 'attachment_type_not_allowed');
    expect(res.json().error.message).toContain('只能上传 jpg、png、pdf、docx、xlsx');
  });

  it('refuses a file over the configured size', async () => {
    const sys = (await w.as.sysadmin.get('/api/settings/orgLife')).json();
    expectStatus(
      await w.as.sysadmin.put('/api/settings/orgLife', {
        version: sys.version,
        value: { maxAttachmentMb: 1 },
      }),
      200,
    );
    const m = await createMeeting(w.as.sec_a1, w.tree.branchA1.id);
    const big = Buffer.concat([PDF, Buffer.alloc(1024 * 1024)]);
    const res = await postAttachment(w.t.app, w.as.sec_a1, m.id, { name: '扫描件.pdf', content: big });
    expectRule(res, 'attachment_too_large');
    expect(res.json().error.message).toBe('附件不能超过1MB');
    expectStatus(await postAttachment(w.t.app, w.as.sec_a1, m.id, { name: '扫描件.pdf', content: PDF }), 200);
  });

  it('keeps the files of a closed meeting: no upload, no removal', async () => {
    const m = await createMeeting(w.as.sec_a1, w.tree.branchA1.id);
    const a = (await postAttachment(w.t.app, w.as.sec_a1, m.id, { name: '记录.pdf', content: PDF })).json();
    await closedMeeting(w.as.sec_a1, m.id, '2026-06-12');
    expectRule(await w.as.sec_a1.delete(`/api/meetings/${m.id}/attachments/${a.id}`), 'meeting_closed');
    expectRule(
      await postAttachment(w.t.app, w.as.sec_a1, m.id, { name: '记录.pdf', content: PDF }),
      'meeting_closed',
    );
  });

  it('answers 404 out of scope, 403 without the permission, 401 without a session', async () => {
    const m = await createMeeting(w.as.sec_a1, w.tree.branchA1.id);
    const a = (await postAttachment(w.t.app, w.as.sec_a1, m.id, { name: '记录.pdf', content: PDF })).json();
    for (const client of [w.as.sec_b1, w.as.admin_b]) {
      expectStatus(await postAttachment(w.t.app, client, m.id, { name: '记录.pdf', content: PDF }), 404);
      expectStatus(await client.get(`/api/meetings/${m.id}/attachments`), 404);
      expectStatus(await client.get(`/api/meetings/${m.id}/attachments/${a.id}`), 404);
      expectStatus(await client.delete(`/api/meetings/${m.id}/attachments/${a.id}`), 404);
    }
    for (const [client, status] of [
      [w.as.member, 403],
      [w.as.sysadmin, 403],
      [w.t.anon, 401],
    ] as const) {
      expectStatus(await postAttachment(w.t.app, client, m.id, { name: '记录.pdf', content: PDF }), status);
      expectStatus(await client.get(`/api/meetings/${m.id}/attachments`), status);
      expectStatus(await client.get(`/api/meetings/${m.id}/attachments/${a.id}`), status);
      expectStatus(await client.delete(`/api/meetings/${m.id}/attachments/${a.id}`), status);
    }
  });
});
