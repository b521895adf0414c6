import type { Locator, Page } from 'playwright-core';
import { MemberDecisionsPage } from './member-decisions.ts';

/** 待审批决定: the pending 支部大会 decisions in the user's scope, one row each, with 录入批准 and 查看党员. */
export class PendingDecisionsPage {
  readonly table: Locator;

  constructor(private readonly page: Page) {
    this.table = page.getByRole('table', { name: '待审批决定' });
  }

  /** The row of the member named `name`. */
  row(name: string): Locator {
    return this.table.getByRole('row').filter({ hasText: name });
  }

  /** The cells of that row, left to right. */
  cells(name: string): Promise<string[]> {
    return this.row(name).getByRole('cell').allTextContents();
  }

  /** The notice of an empty list. */
  empty(): Locator {
    return this.table.getByText('暂无待审批的决定');
  }

  /** 录入批准 on the member's row: the approving org, the date and the document number. */
  async approve(name: string, approval: { org: string; on: string; documentNo: string }): Promise<void> {
    await this.row(name).getByRole('button', { name: '录入批准' }).click();
    const dialog = this.page.getByRole('dialog', { name: `录入批准 — ${name}` });
    await dialog.getByLabel('批准机关').fill(approval.org);
    await new MemberDecisionsPage(this.page).fillDate(dialog, '批准日期', approval.on);
    await dialog.getByLabel('批复文号').fill(approval.documentNo);
    await dialog.getByRole('button', { name: '确认批准' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
}
