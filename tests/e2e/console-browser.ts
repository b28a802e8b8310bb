import AxeBuilder from '@axe-core/playwright';
import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { freePort, waitFor } from '@akimat/testing';
import { demoStaff } from '../../tools/staff-token/demo-staff';
import { LOG_DIR, ServiceName, ServiceProcess } from './service-processes';

const ROOT = join(__dirname, '../..');
export const SCREENSHOT_DIR = process.env['CONSOLE_SCREENSHOT_DIR'] ?? join(ROOT, '.test-results/console-screens');

export interface Gateway {
  url: string;
  stop(): Promise<void>;
}

/**
 * The built gateway (dist/apps/gateway) in front of the running services, serving the built console,
 * with demo sign-in signing with this run's test key (the one the services trust).
 */
export async function startGateway(services: Record<ServiceName, ServiceProcess>): Promise<Gateway> {
  const demoDir = mkdtempSync(join(tmpdir(), 'gateway-demo-'));
  const keyFile = join(demoDir, 'private.pem');
  writeFileSync(keyFile, process.env['TEST_AUTH_PRIVATE_KEY'] ?? '', { mode: 0o600 });
  const staffFile = join(demoDir, 'demo-staff.json');
  writeFileSync(staffFile, JSON.stringify(demoStaff()));
  const port = await freePort();
  mkdirSync(LOG_DIR, { recursive: true });
  const log = createWriteStream(join(LOG_DIR, `gateway-${port}.log`));
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'dist/apps/gateway/main.js')], {
    env: {
      ...process.env,
      HTTP_PORT: String(port),
      CONSOLE_DIR: join(ROOT, 'dist/apps/console'),
      DEMO_SIGNING_KEY_FILE: keyFile,
      DEMO_STAFF_FILE: staffFile,
      APPEALS_URL: services.appeals.url,
      ROUTING_URL: services.routing.url,
      NOTIFICATIONS_URL: services.notifications.url,
      STATS_URL: services.stats.url,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const url = `http://127.0.0.1:${port}`;
  await waitFor('gateway live', async () => (await fetch(`${url}/health/live`)).ok, { timeoutMs: 20_000 });
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Debian's Chromium, headless; Playwright cannot download browsers here. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
}

/** Every console error and uncaught page error, so a test can fail on any of them. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  return errors;
}

/** Axe (WCAG 2 A/AA) on the page as it is now; answers the serious and critical violations. */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
