import { Agent, request } from 'node:http';

/** A keep-alive HTTP client and latency bookkeeping for the bench scripts (no timing in tests). */
export interface LoadResult {
  label: string;
  sent: number;
  ok: number;
  failed: number;
  seconds: number;
  latenciesMs: number[];
  statuses: Record<number, number>;
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<number> {
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': payload.length, ...headers },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * Open-loop load at a fixed rate: each request is due at its own time whether or not earlier ones
 * finished, and latency counts from that due time, so a stall shows up instead of hiding.
 */
export async function fixedRate(
  label: string,
  ratePerSecond: number,
  seconds: number,
  send: () => Promise<number>,
): Promise<LoadResult> {
  const result = emptyResult(label);
  const total = Math.round(ratePerSecond * seconds);
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i += 1) {
    const dueAt = start + (i * 1000) / ratePerSecond;
    const wait = dueAt - performance.now();
    if (wait > 1) await sleep(wait);
    inFlight.push(timed(result, dueAt, send));
  }
  await Promise.all(inFlight);
  result.seconds = (performance.now() - start) / 1000;
  return result;
}

/** Closed-loop load: `concurrency` clients each send the next request as soon as the last one answers. */
export async function unthrottled(
  label: string,
  concurrency: number,
  seconds: number,
  send: () => Promise<number>,
): Promise<LoadResult> {
  const result = emptyResult(label);
  const start = performance.now();
  const endAt = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < endAt) await timed(result, performance.now(), send);
    }),
  );
  result.seconds = (performance.now() - start) / 1000;
  return result;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function printResults(results: LoadResult[]): void {
  const rows = results.map((r) => {
    const sorted = [...r.latenciesMs].sort((a, b) => a - b);
    return {
      run: r.label,
      sent: r.sent,
      ok: r.ok,
      failed: r.failed,
      'req/s': Math.round(r.ok / r.seconds),
      'p50 ms': round(percentile(sorted, 50)),
      'p95 ms': round(percentile(sorted, 95)),
      'p99 ms': round(percentile(sorted, 99)),
      'max ms': round(sorted[sorted.length - 1]),
      statuses: JSON.stringify(r.statuses),
    };
  });
  console.table(rows);
}

async function timed(result: LoadResult, from: number, send: () => Promise<number>): Promise<void> {
  result.sent += 1;
  try {
    const status = await send();
    result.statuses[status] = (result.statuses[status] ?? 0) + 1;
    if (status >= 200 && status < 300) result.ok += 1;
    else result.failed += 1;
  } catch {
    result.failed += 1;
  }
  result.latenciesMs.push(performance.now() - from);
}

function emptyResult(label: string): LoadResult {
  return { label, sent: 0, ok: 0, failed: 0, seconds: 0, latenciesMs: [], statuses: {} };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
