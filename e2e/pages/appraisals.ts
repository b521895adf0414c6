import type { Locator, Page } from 'playwright-core';
import { Choice } from './choice.ts';

/** 民主评议: the list of a year (开展民主评议) and a round's page (grades, the warning, 办结). */
export class AppraisalPages {
  constructor(private readonly page: Page) {}

  async openList(orgId: number, year: number): Promise<void> {
    await this.page.goto(`/org-life/appraisals?orgId=${orgId}&year=${year}`);
    await this.page.getByRole('heading', { name: '民主评议', exact: true }).waitFor();
  }

  /** Opens a round for the org shown (the dialog has it), and waits for the round's page. */
  async startRound(): Promise<void> {
    await this.page.getByRole('button', { name: '开展民主评议' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByTestId('appraisal-org').waitFor();
    await dialog.getByRole('button', { name: '开展评议' }).click();
    await this.page.getByRole('heading', { name: /年度民主评议$/ }).waitFor();
  }

  participant(name: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('cell', { name, exact: true }) });
  }

  /** Gives a participant a grade from the table's select, and waits for the saved grade. */
  async grade(name: string, label: string): Promise<void> {
    // The listbox the combobox names holds only the options near the chosen one (for screen readers); the options
    // shown are its siblings in the same popup, each with its title.
    const choice = new Choice(this.page, this.page.getByRole('combobox', { name: `${name}的评定等次` }));
    await choice.combobox.click();
    const popup = (await choice.listbox()).locator('xpath=..');
    await popup.getByTitle(label, { exact: true }).click();
    await this.participant(name).getByTitle(label, { exact: true }).waitFor();
  }

  /** The warning shown above the participants (优秀超过三分之一). */
  warning(): Locator {
    return this.page.getByRole('alert').filter({ hasText: '三分之一' });
  }

  status(): Locator {
    return this.page.getByTestId('appraisal-status');
  }

  async close(): Promise<void> {
    await this.page.getByRole('button', { name: '办结评议' }).click();
    await this.status().filter({ hasText: '已办结' }).waitFor();
  }
}

/** 谈心谈话: a branch's coverage of a year and the form that records a talk. */
export class TalkPages {
  constructor(private readonly page: Page) {}

  async open(orgId: number, year: number): Promise<void> {
    await this.page.goto(`/org-life/talks?orgId=${orgId}&year=${year}`);
    await this.coverage().waitFor();
  }

  coverage(): Locator {
    return this.page.getByRole('group', { name: '覆盖概况' });
  }

  /** A figure of the coverage (应谈人员组合, 已谈, 未谈). */
  async figure(title: string): Promise<string> {
    const text = await this.coverage().textContent();
    const match = new RegExp(`${title}(\\d+)`).exec(text ?? '');
    return match?.[1] ?? '';
  }

  missing(): Locator {
    // Each pair is a list item (its 登记谈话 button sits in a nested list of actions).
    return this.page.getByTestId('talk-missing').getByRole('listitem').filter({ hasText: '未谈' });
  }

  /** Records the talk of the first missing pair from its 登记谈话 button, with a topic. */
  async recordFirstMissing(topic: string): Promise<void> {
    await this.missing().first().getByRole('button', { name: '登记谈话' }).click();
    const dialog = this.page.getByRole('dialog', { name: '登记谈心谈话' });
    await dialog.getByLabel('谈话主题').fill(topic);
    await dialog.getByRole('button', { name: '登记' }).click();
    await dialog.waitFor({ state: 'detached' });
  }
}
