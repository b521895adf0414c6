import type { Download, Locator, Page } from 'playwright-core';

/** 导入党员 (member-imports/new): 下载模板 → 上传 → 预检 → 确认导入 → 结果. */
export class ImportWizard {
  constructor(private readonly page: Page) {}

  async downloadTemplate(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: '下载导入模板' }).click(),
    ]);
    return download;
  }

  /** 已有文件，下一步: from the template step to the upload step. */
  async skipTemplate(): Promise<void> {
    await this.page.getByRole('button', { name: '已有文件，下一步' }).click();
  }

  /** Gives the upload area its file (the file input it names), starts 预检 and waits for its report. */
  async upload(file: string): Promise<void> {
    await this.page.getByLabel('选择或拖入 Excel 文件').setInputFiles(file);
    await this.page.getByRole('button', { name: '开始预检' }).click();
    await this.page.getByText('识别格式').waitFor({ timeout: 120_000 });
  }

  /** 错误明细 of the dry run: by sheet, row and column. */
  errors(): Locator {
    return this.page.getByRole('region', { name: '错误明细' });
  }

  async reupload(): Promise<void> {
    await this.page.getByRole('button', { name: '重新上传' }).click();
  }

  async confirmImport(): Promise<void> {
    await this.page.getByRole('button', { name: '下一步：确认导入' }).click();
    await this.page.getByRole('button', { name: '确认导入' }).click();
  }

  async openRoster(): Promise<void> {
    await this.page.getByRole('button', { name: '查看党员名册' }).click();
  }
}
