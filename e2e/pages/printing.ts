import type { Locator, Page } from 'playwright-core';
import { type PdfText, pdfText } from '../pdf-text.ts';

/** Printing any page: the print media of the stylesheet, and the PDF Chromium makes of it (A4, as the CSS asks). */
export class Printing {
  constructor(private readonly page: Page) {}

  async asPrinted(): Promise<void> {
    await this.page.emulateMedia({ media: 'print' });
  }

  async onScreen(): Promise<void> {
    await this.page.emulateMedia({ media: 'screen' });
  }

  /**
   * The page printed to PDF, and the text read back from the PDF. Printed as the print dialog would (print media:
   * an emulated `screen` would otherwise carry over into the PDF).
   */
  async toPdf(): Promise<{ bytes: Buffer; read: PdfText }> {
    await this.asPrinted();
    const bytes = await this.page.pdf({ preferCSSPageSize: true, printBackground: true });
    return { bytes, read: pdfText(bytes) };
  }

  /** The 打印 button of a page (it opens the browser's print dialog). */
  printButton(): Locator {
    return this.page.getByRole('button', { name: '打印' });
  }
}

/** 组织关系转接: the list, and the link from a transfer to its letter. */
export class TransfersPage {
  constructor(private readonly page: Page) {}

  async openLetter(memberName: string): Promise<void> {
    await this.page.getByRole('link', { name: `打印介绍信：${memberName}` }).click();
  }
}

/** 组织关系介绍信: the three parts of the letter, and what is typed before printing. */
export class TransferLetterPage {
  readonly letter: Locator;

  constructor(private readonly page: Page) {
    this.letter = page.getByRole('article', { name: '组织关系介绍信' });
  }

  /** 存根, 介绍信 or 回执. */
  part(name: '存根' | '介绍信' | '回执'): Locator {
    return this.letter.getByRole('region', { name, exact: true });
  }

  /** 党费交到, a month typed as `YYYY-MM`. */
  async setDuesMonth(month: string): Promise<void> {
    const input = this.page.getByLabel('党费交到');
    await input.click();
    await input.fill(month);
    await input.press('Enter');
  }
}

/** 打印增减台账: the ledger's 汇总 and every entry of the period, as the ledger's 打印 opens it. */
export class LedgerPrintView {
  readonly article: Locator;
  /** 增减明细, every entry (no pages). */
  readonly entries: Locator;

  constructor(page: Page) {
    this.article = page.getByRole('article', { name: '打印增减台账' });
    this.entries = this.article.getByRole('table', { name: '增减明细' });
  }
}
