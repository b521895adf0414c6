import type { Locator, Page } from 'playwright-core';
import { Choice } from './choice.ts';

/** A member elected at 换届: the post's label (书记, 副书记, 委员) and the name. */
export type Elected = { readonly post: string; readonly name: string };

/** 班子成员 of an org's page: the current term (届), the posts, 显示已离任, and the 换届 drawer. */
export class LeadershipTab {
  /** The current term: election day, 任期届满, the election document. */
  readonly currentTerm: Locator;

  constructor(private readonly page: Page) {
    this.currentTerm = page.getByTestId('current-term');
  }

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: /^班子成员/ }).click();
    await this.currentTerm.waitFor();
  }

  /** The row of a post held by `name` (in the table as it shows now). */
  post(name: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('cell', { name, exact: true }) });
  }

  showLeft(): Locator {
    return this.page.getByRole('switch', { name: '显示已离任' });
  }

  /** Types a day (YYYY-MM-DD) into a date field and confirms it. */
  private async date(field: Locator, day: string): Promise<void> {
    await field.click();
    await this.page.keyboard.type(day);
    await this.page.keyboard.press('Enter');
  }

  /**
   * The post of the `i`-th member elected: the select's open list, its option by its title (the label shown); the
   * list the combobox names holds only the options near the chosen one, for screen readers.
   */
  private async choosePost(i: number, post: string): Promise<void> {
    const select = new Choice(this.page, this.page.getByLabel(`第${i + 1}位当选成员的职务`));
    await select.combobox.click();
    // The option in this select's own popup: the popup of the row before, still fading out, has the same titles
    // (seen under load: 副书记 chosen there, and this row saved as 委员).
    const popup = (await select.listbox()).locator('xpath=..');
    await popup.getByTitle(post, { exact: true }).click();
    await select.combobox.and(this.page.locator('[aria-expanded="false"]')).waitFor();
  }

  /** 换届: the election day, the election document, the members elected; saves and waits for the drawer to close. */
  async renew(term: {
    electedOn: string;
    docNo: string;
    docDate: string;
    elected: readonly Elected[];
  }): Promise<void> {
    await this.page.getByRole('button', { name: '换届', exact: true }).click();
    const drawer = this.page.getByRole('dialog', { name: /^换届/ });
    await drawer.waitFor();
    await this.date(drawer.getByLabel('选举日期'), term.electedOn);
    await drawer.getByLabel('选举结果批复文号').fill(term.docNo);
    await this.date(drawer.getByLabel('批复日期'), term.docDate);
    for (const [i, member] of term.elected.entries()) {
      if (i > 0) await drawer.getByRole('button', { name: '添加当选成员' }).click();
      // The first row comes as 书记, each added one as 委员.
      if (member.post !== (i === 0 ? '书记' : '委员')) await this.choosePost(i, member.post);
      await drawer.getByLabel(`第${i + 1}位当选成员的姓名`).fill(member.name);
    }
    await drawer.getByRole('button', { name: '保存换届结果' }).click();
    await drawer.waitFor({ state: 'hidden' });
  }
}
