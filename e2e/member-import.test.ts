import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateIdNumber } from '../src/domain/people/index.ts';
import { chromiumPath } from './browser.ts';
import { ImportWizard } from './pages/import-wizard.ts';
import { LoginPage } from './pages/login.ts';
import { MembersPage } from './pages/members.ts';
import { AppShell } from './pages/shell.ts';
import { useBrowserSession } from './session.ts';

/** The data sheet of the template, and the columns this test fills (by header, not by position). */
const DATA_SHEET = '党员信息';

type Row = { name: string; branch: string; idNumber: string; gender: '男' | '女'; birthDate: string };

/** Three synthetic members; `broken` spoils one check character and names a branch that does not exist. */
function rows(branch: string, broken: boolean): Row[] {
  const id = (birthDate: string, sequence: number) =>
    generateIdNumber({ provinceAndCounty: '110105', birthDate, sequence });
  const good = id('1986-03-15', 457);
  const second = id('1990-11-02', 318);
  const wrongCheck = `${second.slice(0, 17)}${second.endsWith('0') ? '1' : '0'}`;
  return [
    { name: '邝韵翎', branch, idNumber: good, gender: '男', birthDate: '1986-03-15' },
    {
      name: '邝韵琪',
      branch,
      idNumber: broken ? wrongCheck : second,
      gender: '女',
      birthDate: '1990-11-02',
    },
    {
      name: '邝韵瑶',
      branch: broken ? '不存在的第九党支部' : branch,
      idNumber: id('1979-06-30', 222),
      gender: '女',
      birthDate: '1979-06-30',
    },
  ];
}

/** Fills the downloaded template the way a branch secretary would: after the header, replacing the 示例 row. */
async function fillTemplate(template: string, target: string, members: Row[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(template);
  const sheet = workbook.getWorksheet(DATA_SHEET);
  if (!sheet) throw new Error(`template has no ${DATA_SHEET} sheet`);
  const columns = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => columns.set(String(cell.value).replace(/（.*$/, ''), col));
  const at = (header: string) => {
    const col = columns.get(header);
    if (!col) throw new Error(`template has no column ${header}: ${[...columns.keys()].join(', ')}`);
    return col;
  };
  sheet.spliceRows(2, sheet.rowCount - 1);
  members.forEach((m, i) => {
    const row = sheet.getRow(2 + i);
    const set = (header: string, value: string) => {
      row.getCell(at(header)).value = value;
    };
    set('姓名', m.name);
    set('所在党支部', m.branch);
    set('公民身份号码', m.idNumber);
    set('性别', m.gender);
    set('民族', '01 汉族');
    set('出生日期', m.birthDate);
    set('学历', '21 大学');
    // The template speaks the UI's terms: 党籍状态 正式党员; 人员类别 is the category (在职…), left to the work post.
    set('党籍状态', '正式党员');
    set('加入党组织日期', '2012-07-01');
    set('转为正式党员日期', '2013-07-01');
    set('工作岗位', '0212 事业单位专业技术岗位');
    set('手机号', `1391234${String(5670 + i)}`);
    row.commit();
  });
  await workbook.xlsx.writeFile(target);
}

/** The names in a workbook's data rows (any sheet), as read back by exceljs. */
async function namesIn(file: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const names: string[] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') names.push(cell.value);
      });
    });
  }
  return names;
}

/**
 * The roster's Excel round trip in a real browser against the real server with the demo city: an org
 * administrator downloads the template, fills it, the dry run lists the bad ID number and the unknown
 * branch, the fixed file is imported, the new member is found by pinyin initials, and the export holds them.
 */
describe.skipIf(!chromiumPath)(
  'member import: template → dry run errors → fix → import → find → export',
  () => {
    let branch: string;
    const session = useBrowserSession();
    const { shot, files, pageErrors } = session;
    let page: Page;
    beforeAll(() => {
      page = session.page;
    });

    const wizard = () => new ImportWizard(page);
    const upload = (file: string) => wizard().upload(file);

    it('lets an org administrator download the template from the import wizard', async () => {
      await new LoginPage(page).signIn('street_org', 'Jiceng@2026');
      await page.waitForURL(/workbench/);

      // A branch of the administrator's street, as the server names it.
      branch = await page.evaluate(async () => {
        const res = await fetch('/api/orgs?kind=branch&pageSize=1');
        return (await res.json()).items[0].name as string;
      });
      expect(branch).toMatch(/党支部$/);

      await new AppShell(page).open('党员名册');
      await new MembersPage(page).openImport();
      await page.waitForURL(/member-imports\/new/);
      const download = await wizard().downloadTemplate();
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      await download.saveAs(path.join(files, 'template.xlsx'));
      await shot('01-template');
    });

    it('shows the dry run’s errors: the bad check character and the unknown branch, by row and column', async () => {
      await fillTemplate(
        path.join(files, 'template.xlsx'),
        path.join(files, 'broken.xlsx'),
        rows(branch, true),
      );
      await wizard().skipTemplate();
      await upload(path.join(files, 'broken.xlsx'));

      const errors = wizard().errors();
      await expect(errors.getByText('校验码').first().isVisible()).resolves.toBe(true);
      await expect(errors.getByText('不存在的第九党支部').first().isVisible()).resolves.toBe(true);
      const text = (await errors.textContent()) ?? '';
      expect(text).toContain(DATA_SHEET);
      // The ID number is shown masked in the report.
      expect(text).not.toContain(rows(branch, true)[1]?.idNumber);
      await expect(page.getByText('错误明细（2 行、2 处）').isVisible()).resolves.toBe(true);
      await shot('02-dry-run-errors');
    });

    it('imports the fixed file after a clean dry run', async () => {
      await fillTemplate(
        path.join(files, 'template.xlsx'),
        path.join(files, 'fixed.xlsx'),
        rows(branch, false),
      );
      await wizard().reupload();
      await upload(path.join(files, 'fixed.xlsx'));
      await page.getByText('全部 3 行检查无误，可以导入。').waitFor();
      await wizard().confirmImport();
      await page.getByText('已导入 3 名党员').waitFor({ timeout: 120_000 });
      await shot('03-imported');
    });

    it('finds the new member by pinyin initials in the roster', async () => {
      await wizard().openRoster();
      const roster = new MembersPage(page);
      await roster.search('kyl');
      await roster.waitForTotal(1);
      await roster.memberLink('邝韵翎').waitFor();
      await shot('04-found-by-initials');
    });

    it('exports the current filter, and the workbook holds the new member', async () => {
      const download = await new MembersPage(page).exportCurrentFilter();
      const file = path.join(files, 'export.xlsx');
      await download.saveAs(file);
      const names = await namesIn(file);
      expect(names).toContain('邝韵翎');
      await shot('05-exported');
      expect(pageErrors).toEqual([]);
    });
  },
);
