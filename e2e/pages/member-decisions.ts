import type { Page } from 'playwright-core';

/** 支部大会决定与上级批准 on a member's page: the status change dialog, the pending notice, 录入批准. */
export class MemberDecisionsPage {
  constructor(private readonly page: Page) {}

  /** Opens a status change (转正, 延长预备期, 出党) from the 党籍状态变更 menu. */
  async openChange(label: string) {
    await this.page.getByRole('button', { name: '党籍状态变更' }).click();
    await this.page.getByRole('menuitem', { name: label }).click();
    return this.page.getByRole('dialog', { name: new RegExp(`^${label} — `) });
  }

  /** Types a date into a date field of the dialog. */
  async fillDate(scope: ReturnType<Page['getByRole']>, label: string, date: string): Promise<void> {
    const input = scope.getByLabel(label);
    await input.click();
    await input.fill(date);
    // Leaving the field takes the typed date; Enter would also submit the form.
    await input.press('Tab');
  }

  /** The notice of a decision waiting for approval. */
  pending(text: string | RegExp) {
    return this.page.getByRole('alert').filter({ hasText: text });
  }

  /** 录入批准: the approving org, the date and the document number. */
  async approve(approval: { org: string; on: string; documentNo: string }): Promise<void> {
    await this.page.getByRole('button', { name: '录入批准' }).click();
    const dialog = this.page.getByRole('dialog', { name: /^录入批准 — / });
    await dialog.getByLabel('批准机关').fill(approval.org);
    await this.fillDate(dialog, '批准日期', approval.on);
    await dialog.getByLabel('批复文号').fill(approval.documentNo);
    await dialog.getByRole('button', { name: '确认批准' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
}
