import type { Locator, Page } from 'playwright-core';

/** 组织生活达标: the org and period controls, the children's table, the heat map and the org's own findings. */
export class ComplianceDashboard {
  readonly heatmap: Locator;
  readonly children: Locator;
  readonly findings: Locator;

  constructor(private readonly page: Page) {
    this.heatmap = page.getByRole('table', { name: /年各月达标情况$/ });
    this.children = page.getByTestId('compliance-children');
    this.findings = page.getByTestId('compliance-findings');
  }

  /** The org the select shows (the combobox's own value is only the search text). */
  async shownOrg(): Promise<string> {
    return (await this.page.getByTestId('compliance-org').textContent()) ?? '';
  }

  /** The title of the figures' card: `org · period`. */
  heading(org: string, period: string): Locator {
    return this.page.getByText(`${org} · ${period}`, { exact: true });
  }

  /**
   * Picks a quarter (the page opens on quarters): its year when another one is shown, then 第一季度 … 第四季度, each
   * by clicking the option shown in the open list (named by its title; the dropdown comes last in the page).
   */
  async chooseQuarter(year: number, quarterName: string): Promise<void> {
    if (!new URL(this.page.url()).searchParams.get('period')?.startsWith(`${year}-`)) {
      await this.choose('年度', `${year}年`);
    }
    await this.choose('季度', quarterName);
  }

  private async choose(select: string, option: string): Promise<void> {
    await this.page.getByRole('combobox', { name: select }).click();
    await this.page.locator(`[title="${option}"]`).filter({ visible: true }).last().click();
  }

  /** The cells of a row of the heat map, each named by its org, month and figures. */
  cellsOf(org: string): Locator {
    return this.heatmap.getByRole('cell', { name: new RegExp(`^${org} \\d{4}年\\d{1,2}月：`) });
  }

  /** Drills down to a child by its name in the heat map. */
  async open(org: string): Promise<void> {
    await this.heatmap.getByRole('button', { name: org, exact: true }).click();
  }

  /** A finding of the org by its text, and the link that deals with it. */
  finding(text: string | RegExp): Locator {
    return this.findings.getByRole('listitem').filter({ hasText: text });
  }
}
