import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { physicalTopic, TOPICS } from '@akimat/contracts';
import { actingAs, freePort, resetDatabase, testDatabaseUrl, waitFor } from '@akimat/testing';

export const SERVICES = ['appeals', 'routing', 'notifications', 'stats'] as const;
export type ServiceName = (typeof SERVICES)[number];

/** The two event topics under a run's prefix, and which of them each service's group consumes. */
export function eventTopics(topicPrefix: string) {
  const appealTopic = physicalTopic(TOPICS.appealEvents, topicPrefix);
  const routingTopic = physicalTopic(TOPICS.routingEvents, topicPrefix);
  const consumes: Record<ServiceName, string[]> = {
    appeals: [routingTopic],
    routing: [appealTopic],
    notifications: [appealTopic, routingTopic],
    stats: [appealTopic, routingTopic],
  };
  return { appealTopic, routingTopic, consumes };
}

const ROOT = join(__dirname, '../..');
export const LOG_DIR = join(ROOT, '.test-results/e2e-logs');

export interface ServiceProcess {
  name: ServiceName;
  /** 1 for the first instance of a service, 2 for a second one beside it (scale-out). */
  instance: number;
  port: number;
  url: string;
  groupId: string;
  process: ChildProcess;
  /** Sends `signal`; resolves with the exit code, or the signal that ended the process. */
  stop(signal?: NodeJS.Signals): Promise<number | NodeJS.Signals | null>;
}

export interface ProcessOptions {
  /**
   * Another instance of the same service: same database, consumer group and queue prefix, its own
   * port and log file (`<prefix><name>-<instance>.log`). Default 1.
   */
  instance?: number;
  /** Listen on this port (a restarted process keeps its address); default a free one. */
  port?: number;
  /** How long it may take to answer ready; default 60 s. */
  readyTimeoutMs?: number;
}

/** Runs a built service (dist/apps/<name>/main.js) as its own process, as production would. */
export async function startServiceProcess(
  name: ServiceName,
  topicPrefix: string,
  env: Record<string, string> = {},
  { instance = 1, port: fixedPort, readyTimeoutMs = 60_000 }: ProcessOptions = {},
): Promise<ServiceProcess> {
  const port = fixedPort ?? (await freePort());
  const groupId = `${topicPrefix}${name}`;
  mkdirSync(LOG_DIR, { recursive: true });
  const logName = instance === 1 ? `${topicPrefix}${name}.log` : `${topicPrefix}${name}-${instance}.log`;
  // Appends: a restarted process writes after what the killed one left.
  const log = createWriteStream(join(LOG_DIR, logName), { flags: 'a' });
  const child = spawn(process.execPath, [join(ROOT, `dist/apps/${name}/main.js`)], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      HTTP_PORT: String(port),
      DATABASE_URL: testDatabaseUrl(name),
      KAFKA_TOPIC_PREFIX: topicPrefix,
      KAFKA_GROUP_ID: groupId,
      OUTBOX_POLL_INTERVAL_MS: '50',
      QUEUE_PREFIX: `${topicPrefix}${name}`,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  // Once its output is drained: how the process ended, so a log shows a crash or a kill.
  child.once('close', (code, signal) => log.end(`${JSON.stringify({ msg: 'process ended', code, signal })}\n`));
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    `${name} ready`,
    async () => {
      if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}; see ${LOG_DIR}`);
      return (await fetch(`${url}/health/ready`)).ok;
    },
    { timeoutMs: readyTimeoutMs, intervalMs: 250 },
  );
  return {
    name,
    instance,
    port,
    url,
    groupId: `${groupId}-server`,
    process: child,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

export async function resetServiceDatabases(): Promise<void> {
  for (const name of SERVICES) await resetDatabase(testDatabaseUrl(name));
}

/** GET as a member of staff with every role (access itself is tested role by role elsewhere). */
export async function getJson<T = any>(
  url: string,
  headers = actingAs('E2E staff'),
): Promise<{ status: number; body: T }> {
  const response = await fetch(url, { headers });
  return { status: response.status, body: (await response.json()) as T };
}
