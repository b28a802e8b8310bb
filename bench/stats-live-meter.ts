import { readFileSync } from 'node:fs';
import type { Admin } from 'kafkajs';
import { Client } from 'pg';

export interface LiveFigures {
  /** Events after the group's first commit, and the seconds they took: the steady live rate. */
  events: number;
  seconds: number;
  /** CPU (this process + the database's backends) per event over the same span, in microseconds. */
  cpuMicrosPerEvent: { node: number; postgres: number };
}

const TICK_MS = 1000 / 100; // Linux USER_HZ

/** CPU milliseconds spent so far by each backend connected to the database (from /proc; same machine). */
async function backendCpu(databaseUrl: string): Promise<Map<number, number>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    const cpu = new Map<number, number>();
    for (const { pid } of rows) {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
        cpu.set(pid, (Number(fields[11]) + Number(fields[12])) * TICK_MS);
      } catch {
        // the backend ended in between
      }
    }
    return cpu;
  } finally {
    await client.end();
  }
}

const spent = (before: Map<number, number>, after: Map<number, number>) =>
  [...after].reduce((sum, [pid, ms]) => sum + ms - (before.get(pid) ?? 0), 0);

/**
 * Polls the group's committed offsets every 20 ms while `start` boots the service (which begins
 * consuming before it returns). The clock starts at the first commit seen, so the figure is the
 * rate once the group has joined, not the boot or the join.
 */
export async function meterLive(
  admin: Admin,
  groupId: string,
  topics: string[],
  total: number,
  databaseUrl: string,
  start: () => Promise<unknown>,
): Promise<LiveFigures> {
  const committed = async () =>
    (await admin.fetchOffsets({ groupId, topics }))
      .flatMap(({ partitions }) => partitions)
      .reduce((sum, { offset }) => sum + Math.max(0, Number(offset)), 0);
  const starting = start();
  let first: { at: number; done: number; node: NodeJS.CpuUsage; pg: Map<number, number> } | undefined;
  for (;;) {
    const done = await committed();
    if (!first && done > 0) {
      first = { at: Date.now(), done, node: process.cpuUsage(), pg: await backendCpu(databaseUrl) };
    }
    if (first && done >= total) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const at = Date.now();
  const node = process.cpuUsage(first.node);
  const pg = spent(first.pg, await backendCpu(databaseUrl));
  await starting;
  const events = total - first.done;
  return {
    events,
    seconds: (at - first.at) / 1000,
    cpuMicrosPerEvent: { node: (node.user + node.system) / events, postgres: (pg * 1000) / events },
  };
}
