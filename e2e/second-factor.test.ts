import { describe, expect, it } from 'vitest';
import { chromiumPath } from './browser.ts';
import { LoginPage } from './pages/login.ts';
import { EnrolmentPage } from './pages/second-factor.ts';
import { AppShell } from './pages/shell.ts';
import { nextCodeFor } from './second-factor.ts';
import { useBrowserSession } from './session.ts';

/**
 * 双因素认证 in a real browser against the real server with the demo city: the security administrator logs in with
 * the password and is taken to enrolment (QR code and key); the test's authenticator computes the code from the
 * key shown; the 工作台 warns that the demo leaves the org_admin's second factor off; after logging out, the login
 * asks for the password and then the code; turning the setting on in 参数配置 ends the warning.
 */
describe.skipIf(!chromiumPath)('second factor: enrol after the password → log out → password + code', () => {
  const session = useBrowserSession();
  const { shot, pageErrors } = session;
  let secret = '';

  const login = () => new LoginPage(session.page);
  const enrolment = () => new EnrolmentPage(session.page);
  const shell = () => new AppShell(session.page);
  const passwordStep = (username: string, password: string) => login().signIn(username, password);

  it('takes the security administrator to enrolment right after the password', async () => {
    await passwordStep('security', 'Jiceng@2026');
    const page = session.page;
    await page.waitForURL(/second-factor\/enrol/);
    await enrolment().shown();
    // The QR code renders once the new key has arrived: wait for its canvas rather than count at once.
    await enrolment().qrCodeShown();
    await shot('01-enrol');
  });

  it('enrols with a code computed from the key shown, and shows the recovery codes once', async () => {
    const page = session.page;
    const enrolled = await enrolment().enrol();
    secret = enrolled.secret;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolled.recoveryCodes).toHaveLength(10);
    await shot('02-recovery-codes');
    await enrolment().enterSystem();
    await page.waitForURL(/\/workbench/);
  });

  it('warns on the 工作台 that the demo leaves the org_admin’s second factor off', async () => {
    const page = session.page;
    await page.getByText('组织管理员目前无需双因素认证即可登录').waitFor();
    await shot('03-workbench-warning');
  });

  it('asks for the code after the password at the next login, and lets the administrator in with it', async () => {
    const page = session.page;
    await shell().logOut();
    await login().shown();

    await passwordStep('security', 'Jiceng@2026');
    await login().codeStepShown();
    await shot('04-code-step');
    await login().submitCode(nextCodeFor(secret));
    await page.waitForURL(/\/workbench/);
    await shell().menuItem('用户与权限').waitFor();
    const status = await page.evaluate(async () => (await fetch('/api/auth/second-factor')).json());
    expect(status).toMatchObject({ enabled: true, required: true, recoveryCodesLeft: 10 });
  });

  it('shows the second factor in 个人设置, where a required one cannot be turned off', async () => {
    const page = session.page;
    await page.goto('/profile?tab=second-factor');
    await page.getByText('已启用', { exact: true }).waitFor();
    await page.getByText('10 个').waitFor();
    expect(await page.getByRole('button', { name: '关闭双因素认证' }).count()).toBe(0);
    await page.getByRole('button', { name: '重新生成恢复码' }).waitFor();
    await shot('05-profile');
    await page.goto('/workbench');
  });

  it('turns the org_admin’s second factor on in 参数配置, and the 工作台 stops warning', async () => {
    const page = session.page;
    await page.getByRole('button', { name: '去开启' }).click();
    await page.waitForURL(/system\/settings/);
    const toggle = page.getByRole('switch', { name: '组织管理员须使用双因素认证' });
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    await toggle.click();
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('参数已保存，立即生效').waitFor();
    await shot('06-setting-on');
    await shell().open('工作台');
    await page.getByText('组织管理员目前无需双因素认证即可登录').waitFor({ state: 'detached' });
    await page.getByText(/管理员账号尚未绑定身份验证器/).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
