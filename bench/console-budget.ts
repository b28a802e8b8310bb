/**
 * The web console's budget (issue #11): initial JavaScript gzipped, and the reception form from load
 * to ready, in Debian's Chromium against a running stack (`npm start`; the console at GATEWAY_URL).
 *
 *   npm run bench:console
 *   GATEWAY_URL=http://127.0.0.1:8080 RUNS=10 npm run bench:console
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { staffToken } from '@akimat/testing';

const gateway = process.env['GATEWAY_URL'] ?? 'http://127.0.0.1:8080';
const runs = Number(process.env['RUNS'] ?? 10);
const DIST = join(__dirname, '../dist/apps/console');
const BUDGET_KB = 250;
const READY_BUDGET_MS = 1_000;
// The reception form is ready when the person can type the resident's IIN.
const READY_SELECTOR = '#main form input[name="iin"]';

/** The scripts index.html loads before anything is shown: its module entry and what it preloads. */
function initialScripts(): string[] {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const sources = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)];
  return [...new Set(sources.map((match) => match[1]))];
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];

async function main() {
  const scripts = initialScripts();
  let raw = 0;
  let gzipped = 0;
  for (const script of scripts) {
    const bytes = readFileSync(join(DIST, script));
    raw += bytes.length;
    gzipped += gzipSync(bytes, { level: 6 }).length;
  }
  console.log(`initial JS: ${scripts.length} file(s), ${kb(raw)} KB raw, ${kb(gzipped)} KB gzipped (budget ${BUDGET_KB} KB)`);

  // An operator's session, as after sign-in (the token is read from sessionStorage on load).
  const token = staffToken({ name: 'Bench operator', roles: ['operator'] }, 3600);
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
  const measure = async (context: Awaited<ReturnType<typeof browser.newContext>>) => {
    const page = await context.newPage();
    await page.goto(`${gateway}/reception`);
    await page.waitForSelector(READY_SELECTOR, { state: 'visible' });
    const readyMs = await page.evaluate(() => performance.now());
    // Runs in the page (its DOM types are not this Node script's): bytes of JS as sent, gzipped.
    const transferred = await page.evaluate(() =>
      (performance.getEntriesByType('resource') as unknown as { name: string; encodedBodySize: number }[])
        .filter((entry) => entry.name.endsWith('.js'))
        .reduce((sum, entry) => sum + entry.encodedBodySize, 0),
    );
    await page.close();
    return { readyMs, transferred };
  };
  const cold: number[] = [];
  const warm: number[] = [];
  let transferredCold = 0;
  for (let run = 0; run < runs; run += 1) {
    const context = await browser.newContext();
    await context.addInitScript(`sessionStorage.setItem('akimat.staffToken', ${JSON.stringify(token)})`);
    const first = await measure(context);
    cold.push(first.readyMs);
    transferredCold = first.transferred;
    warm.push((await measure(context)).readyMs);
    await context.close();
  }
  await browser.close();
  const line = (name: string, values: number[]) =>
    `${name}: p50 ${percentile(values, 50).toFixed(0)} ms, p95 ${percentile(values, 95).toFixed(0)} ms, max ${Math.max(...values).toFixed(0)} ms`;
  console.log(`JS transferred to show the reception form (gzip, incl. its lazy chunk): ${kb(transferredCold)} KB`);
  console.log(`reception form load → ready over ${runs} runs (budget ${READY_BUDGET_MS} ms)`);
  console.log(`  ${line('cold cache', cold)}`);
  console.log(`  ${line('warm cache', warm)}`);
  const overBudget = gzipped / 1024 > BUDGET_KB || percentile(cold, 95) > READY_BUDGET_MS;
  if (overBudget) console.log('OVER BUDGET');
  process.exitCode = overBudget ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
