import type { Locator, Page } from 'playwright-core';
import { Choice } from './choice.ts';
import { settledDialog } from './dialog.ts';

/** 计划会议 (`/meetings/new`): the org, the kinds, the topic, the planned time and the place. */
export class MeetingForm {
  constructor(private readonly page: Page) {}

  async plan(fields: { org: string; kinds: string[]; topic: string; plannedStart: string; place: string }) {
    await new Choice(this.page, this.page.getByRole('combobox', { name: '召开会议的党组织' })).choose(
      fields.org,
      fields.org,
    );
    // A multiple select stays open: open it once, pick each kind, close it.
    const kinds = new Choice(this.page, this.page.getByRole('combobox', { name: '会议类型' }));
    await kinds.combobox.click();
    const listbox = await kinds.listbox();
    for (const kind of fields.kinds) await listbox.getByRole('option', { name: kind, exact: true }).click();
    await this.page.keyboard.press('Escape');
    await this.page.getByLabel('会议主题').fill(fields.topic);
    const start = this.page.getByLabel('计划开始时间');
    await start.click();
    await start.fill(fields.plannedStart);
    // A picker with a time takes the typed value on its 确定 (Enter would also submit the form).
    await this.page.getByRole('button', { name: '确定', exact: true }).click();
    await this.page.getByLabel('地点').fill(fields.place);
    await this.page.getByRole('button', { name: '保存计划' }).click();
  }
}

/** A meeting's page (`/meetings/:id`): its status, its actions and its tabs. */
export class MeetingPage {
  /** 出勤登记: one row per attendee. */
  readonly attendance: Locator;

  constructor(private readonly page: Page) {
    this.attendance = page.getByRole('table', { name: '出勤登记' });
  }

  heading(topic: string): Locator {
    return this.page.getByRole('heading', { name: topic });
  }

  async status(): Promise<string> {
    return (await this.page.getByTestId('meeting-status').textContent()) ?? '';
  }

  async openTab(name: string): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  /** 签到二维码: shows the code and answers the address it holds. */
  async checkInUrl(): Promise<string> {
    await this.openTab('签到二维码');
    await this.page.getByRole('button', { name: '显示签到二维码' }).click();
    return ((await this.page.getByTestId('check-in-url').textContent()) ?? '').trim();
  }

  /** The row of an attendee, by name. */
  attendee(name: string): Locator {
    return this.attendance.getByRole('row').filter({ hasText: name });
  }

  /** The attendance an attendee's row shows as chosen (出席 / 请假 / 缺席), or '' when none. */
  async attendanceOf(name: string): Promise<string> {
    const checked = this.page
      .getByRole('radiogroup', { name: `${name}的出勤` })
      .getByRole('radio', { checked: true });
    return (await checked.count()) === 0 ? '' : ((await checked.getAttribute('value')) ?? '');
  }

  /** 登记召开 with the dialog's default time (now, or the planned time if it is past). */
  async hold(): Promise<void> {
    await this.page.getByRole('button', { name: '登记召开' }).click();
    const dialog = await settledDialog(this.page, '登记会议已召开');
    await dialog.getByRole('button', { name: '登记召开' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** 未登记的记为缺席, then 保存出勤. */
  async markRestAbsentAndSave(): Promise<void> {
    await this.openTab('出勤登记');
    await this.page.getByRole('button', { name: '未登记的记为缺席' }).click();
    await this.page.getByRole('button', { name: /^保存出勤/ }).click();
    await this.page.getByText('出勤已保存').waitFor();
  }

  async writeMinutes(minutes: string, resolutions: string): Promise<void> {
    await this.openTab('会议记录');
    await this.page.getByRole('textbox', { name: '会议记录', exact: true }).fill(minutes);
    await this.page.getByRole('textbox', { name: '会议决议', exact: true }).fill(resolutions);
    await this.page.getByRole('button', { name: '保存会议记录' }).click();
    await this.page.getByText('会议记录已保存').waitFor();
  }

  async close(): Promise<void> {
    await this.page.getByRole('button', { name: '办结', exact: true }).click();
    const confirm = await settledDialog(this.page, '办结会议？');
    await confirm.getByRole('button', { name: '办结' }).click();
    await this.page.getByText('会议已办结').waitFor();
  }

  /** The counts under the attendance sheet, and the quorum line. */
  summary(): Locator {
    return this.page.getByTestId('attendance-summary');
  }
}

/** The member's phone: 我的会议 (`/m/meetings`) with its cards and 请假, and the check-in page of the QR code. */
export class MyMeetings {
  constructor(private readonly page: Page) {}

  card(topic: string): Locator {
    return this.page.getByRole('article', { name: topic });
  }

  async requestLeave(topic: string, reason: string): Promise<void> {
    await this.card(topic).getByRole('button', { name: '请假' }).click();
    const dialog = this.page.getByRole('dialog', { name: `请假 — ${topic}` });
    await dialog.getByLabel('请假事由').fill(reason);
    await dialog.getByRole('button', { name: '提交请假' }).click();
    await this.page.getByText('已请假').waitFor();
  }

  /** What the check-in page says once it has an answer (签到成功 or 签到失败). */
  checkInResult(): Locator {
    return this.page.getByText(/^签到(成功|失败)$/);
  }
}
