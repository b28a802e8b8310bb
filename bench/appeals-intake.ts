/**
 * How fast the appeals service records appeals (POST /api/v1/appeals), against a running stack
 * (`npm start`). Prints throughput and p50/p95/p99 latency at a fixed rate and unthrottled.
 *
 *   npm run bench:appeals                       # 200 req/s for 20 s, then unthrottled for 20 s
 *   APPEALS_URL=http://host:3001 RATE=300 SECONDS=30 CONCURRENCY=32 npm run bench:appeals
 */
import { actingAs } from '@akimat/testing';
import { fixedRate, postJson, printResults, unthrottled } from './http-load';

const url = `${process.env['APPEALS_URL'] ?? 'http://127.0.0.1:3001'}/api/v1/appeals`;
const rate = Number(process.env['RATE'] ?? 200);
const seconds = Number(process.env['SECONDS'] ?? 20);
const concurrency = Number(process.env['CONCURRENCY'] ?? 32);

const CATEGORIES = ['housing', 'land_architecture', 'agriculture', 'social_support', 'utilities', 'roads_transport'];
// Signed with the local demo identity provider's key (made by `npm start`).
const headers = actingAs('Bench operator', 'Оператор', { roles: ['operator'] });
let n = 0;

function appeal() {
  n += 1;
  return {
    resident: { fullName: `Тұрғын ${n}`, iin: '950101300016', phone: '+77011234567', language: n % 2 ? 'kk' : 'ru' },
    category: CATEGORIES[n % CATEGORIES.length],
    channel: 'reception',
    text: `Өтініш №${n}: шатыр ағып тұр. Обращение №${n}: протекает крыша.`,
  };
}

async function main(): Promise<void> {
  const ready = await fetch(url.replace('/api/v1/appeals', '/health/ready')).catch(() => undefined);
  if (!ready?.ok) throw new Error(`appeals is not ready at ${url}; start the stack with npm start`);
  const send = () => postJson(url, appeal(), headers);
  await unthrottled('warm-up', 8, 3, send);
  const results = [
    await fixedRate(`fixed ${rate}/s for ${seconds}s`, rate, seconds, send),
    await unthrottled(`unthrottled, ${concurrency} clients, ${seconds}s`, concurrency, seconds, send),
  ];
  printResults(results);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
