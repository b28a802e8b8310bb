import { randomBytes } from 'node:crypto';
import { BrowserContext, Browser, Page } from 'playwright-core';
import { waitFor } from '@akimat/testing';
import {
  collectPageErrors,
  Gateway,
  launchChromium,
  screenshot,
  seriousAccessibilityViolations,
  startGateway,
} from './console-browser';
import { getJson, resetServiceDatabases, ServiceName, ServiceProcess, SERVICES, startServiceProcess } from './service-processes';

const topicPrefix = `console-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}.`;

/**
 * The web console in a real browser (Debian's Chromium) against the four services and the gateway as
 * separate processes: the akim records an appeal at the reception desk → it reaches the housing head's
 * inbox → he answers → the resident's tracking page shows the answer and takes the survey → the chief
 * of staff's dashboard counts it. Every screen is checked with axe and saved as a screenshot; any
 * console error fails the test.
 */
describe('web console, in Chromium, against the running system', () => {
  const running = {} as Record<ServiceName, ServiceProcess>;
  let gateway: Gateway;
  let browser: Browser;
  let staff: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    await resetServiceDatabases();
    // Behind the gateway, as in npm start: tracking's rate limit and the audit see the real client.
    for (const name of SERVICES) running[name] = await startServiceProcess(name, topicPrefix, { TRUST_PROXY: 'loopback' });
    gateway = await startGateway(running);
    browser = await launchChromium();
    staff = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // Staff work in Russian here; the resident below reads Kazakh (the default).
    await staff.addInitScript("localStorage.setItem('akimat.language', 'ru')");
    page = await staff.newPage();
    errors = collectPageErrors(page);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
    await Promise.all(Object.values(running).map((service) => service.stop()));
  });

  /** Axe on the screen as it is, and its screenshot; fails on serious violations or console errors. */
  async function checkScreen(target: Page, name: string, pageErrors = errors) {
    await screenshot(target, name);
    expect(await seriousAccessibilityViolations(target)).toEqual([]);
    expect(pageErrors).toEqual([]);
  }

  async function signInAs(login: string) {
    await page.goto(`${gateway.url}/sign-in`);
    await page.locator(`button[data-login="${login}"]`).click();
  }

  const registered = { number: '', code: '' };

  it('the akim signs in, opens a reception session and records an appeal; the receipt is a PDF', async () => {
    await page.goto(gateway.url);
    await page.waitForURL('**/sign-in');
    await page.locator('button[data-login="akim"]').waitFor();
    await checkScreen(page, '01-sign-in');

    await page.locator('button[data-login="akim"]').click();
    await page.waitForURL('**/reception');
    await page.getByRole('button', { name: 'Открыть новый приём' }).click();
    await page.getByRole('button', { name: 'Открыть приём' }).click();
    await page.getByLabel('ФИО заявителя').fill('Серікова Әсел Нұрланқызы');
    await page.getByLabel('ИИН').fill('950101300016');
    await page.getByLabel('Телефон').fill('8 701 123 45 67');
    await page.getByLabel('Тема обращения').selectOption('housing');
    await page.getByLabel('Текст обращения').fill('Үйдің шатыры ағып тұр. Протекает крыша дома №5.');
    await checkScreen(page, '02-reception-desk');

    await page.getByRole('button', { name: 'Зарегистрировать обращение' }).click();
    registered.number = (await page.getByTestId('registration-number').textContent()) ?? '';
    registered.code = (await page.getByTestId('tracking-code').textContent()) ?? '';
    expect(registered.number).toMatch(/^MAH-\d{4}-\d{6}$/);
    expect(registered.code).toMatch(/\S{6,}/);
    await checkScreen(page, '03-registered');

    // The receipt: fetched with the akim's token through the gateway, shown in a new window.
    const [receipt, popup] = await Promise.all([
      page.waitForResponse((response) => response.url().includes('/receipt.pdf?lang=ru')),
      page.waitForEvent('popup'),
      page.getByRole('button', { name: 'Печать расписки (на русском)' }).click(),
    ]);
    expect([receipt.status(), receipt.headers()['content-type']]).toEqual([200, 'application/pdf']);
    await popup.waitForURL(/^blob:/);
    await popup.close();
  });

  it('a walk-in service is logged in two clicks', async () => {
    await page.goto(`${gateway.url}/walk-in`);
    const sector = page.getByRole('group', { name: 'Сфера' }).getByRole('button').first();
    await sector.click();
    await page.getByRole('group', { name: /^Услуга:/ }).getByRole('button').first().click();
    await page.getByRole('status').filter({ hasText: /^Записано:/ }).waitFor();
    await checkScreen(page, '04-walk-in');
  });

  it('the housing head finds it in his inbox, and gives the brief and the full answer', async () => {
    await page.getByRole('button', { name: 'Выйти' }).click();
    await signInAs('housing-inspection');
    await page.waitForURL('**/inbox');
    // Routing assigns it within moments; the inbox shows it without a reload.
    const row = page.getByRole('link', { name: registered.number });
    await row.waitFor({ timeout: 30_000 });
    await checkScreen(page, '05-inbox');

    await row.click();
    await page.getByLabel('Текст краткого ответа').fill('Комиссия выедет на место 2 декабря.');
    await page.getByRole('button', { name: 'Отправить краткий ответ' }).click();
    // The card shows the answer given (the form is gone: a brief answer is given once).
    await page.getByText('Комиссия выедет на место 2 декабря.').waitFor();
    await page.getByLabel('Текст полного ответа').fill('Кровля дома №5 отремонтирована подрядчиком 5 декабря.');
    await page.getByLabel('Удовлетворено', { exact: true }).check();
    await page.getByRole('button', { name: 'Отправить полный ответ' }).click();
    await page.getByText('Кровля дома №5 отремонтирована подрядчиком 5 декабря.').waitFor();
    await checkScreen(page, '06-appeal-answered');
  });

  it('the resident, on a phone, sees the answer on the tracking page and rates it', async () => {
    const resident = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const phone = await resident.newPage();
    const residentErrors = collectPageErrors(phone);
    await phone.goto(`${gateway.url}/track/${registered.number}`);
    await phone.getByLabel('Бақылау коды').fill(registered.code);
    await phone.getByRole('button', { name: 'Көрсету' }).click();
    await expect(phone.getByTestId('tracking-status').textContent()).resolves.toContain('Толық жауап берілді');
    await phone.getByText('Кровля дома №5 отремонтирована').waitFor();
    await checkScreen(phone, '07-tracking', residentErrors);

    await phone.getByLabel('5 — өте жақсы').check();
    await phone.getByRole('button', { name: 'Бағаны жіберу' }).click();
    await phone.getByText('Рақмет!').first().waitFor();
    await checkScreen(phone, '08-survey', residentErrors);
    await resident.close();
  });

  it('the chief of staff’s dashboard counts it', async () => {
    await page.getByRole('button', { name: 'Выйти' }).click();
    await signInAs('chief-of-staff');
    await page.waitForURL('**/dashboard');
    await waitFor('stats count the answered appeal', async () => {
      const { body } = await getJson(`${running.stats.url}/api/v1/stats/summary`);
      return body.registered === 1 && body;
    });
    await page.reload();
    await page.getByRole('heading', { name: 'Ответы в срок' }).waitFor();
    await expect(page.getByRole('table').filter({ hasText: 'Весь акимат' }).textContent()).resolves.toContain('1 из 1');
    await checkScreen(page, '09-dashboard');
  });
});
