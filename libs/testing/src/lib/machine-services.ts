import { execFile } from 'node:child_process';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * The machine's Kafka, PostgreSQL and Redis, stopped and started with the commands the machine
 * uses (scripts/infra.sh for Kafka and to start the others), without blocking the test's event loop,
 * so a load generator in the same process keeps going through the outage. They are shared: a test
 * that stops one must start it again in `finally`, and may run only when no one else depends on
 * them — or point it at servers of its own: `INFRA_DIR`, `KAFKA_PORT`, `KAFKA_CONTROLLER_PORT`
 * (read by scripts/infra.sh), `PG_CLUSTER_NAME` (a `pg_createcluster` cluster; default `main`) with
 * `PGPORT`, and `REDIS_PORT` (a redis-server started by hand).
 */

const run = promisify(execFile);
const INFRA_SCRIPT = join(__dirname, '..', '..', '..', '..', 'scripts', 'infra.sh');
const PG_CLUSTER = () => process.env['PG_CLUSTER_NAME'] ?? 'main';
const PG_PORT = () => process.env['PGPORT'] ?? '5432';
const REDIS_PORT = () => process.env['REDIS_PORT'] ?? '6379';
/** The machine's own command line for 6379 (scripts/infra.sh); another port is a private server. */
const redisStart = (port: string) => [
  '--daemonize',
  'yes',
  '--bind',
  ...(port === '6379' ? ['127.0.0.1', '-::1'] : ['127.0.0.1']),
  '--port',
  port,
  '--save',
  '',
  '--appendonly',
  'no',
  ...(port === '6379'
    ? ['--dir', '/var/lib/redis', '--logfile', '/var/log/redis/ci.log']
    : ['--dir', '/tmp', '--logfile', `/tmp/redis-${port}.log`]),
];

async function pgVersion(): Promise<string> {
  return (await run('ls', ['/etc/postgresql'])).stdout.trim().split('\n')[0];
}

async function succeeds(command: string, args: string[]): Promise<boolean> {
  return run(command, args).then(
    () => true,
    () => false,
  );
}

/** Succeeds when something accepts TCP connections on 127.0.0.1:`port`. */
export function portOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.connect(port, host);
  });
}

/** `scripts/infra.sh down`: stops the broker that script started (see `INFRA_DIR`). */
export async function stopKafka(): Promise<void> {
  await run('bash', [INFRA_SCRIPT, 'down']);
}

/** `scripts/infra.sh up`: starts what is down (Kafka, and PostgreSQL and Redis too) and waits for it. */
export async function startInfrastructure(): Promise<void> {
  await run('bash', [INFRA_SCRIPT, 'up'], { maxBuffer: 10 * 1024 * 1024 });
}

/** `pg_ctlcluster … stop` in its default fast mode: open sessions are cut off. */
export async function stopPostgres(): Promise<void> {
  await run('pg_ctlcluster', ['--skip-systemctl-redirect', await pgVersion(), PG_CLUSTER(), 'stop']);
}

/** Starts the cluster (no-op while it answers) and waits until it accepts connections. */
export async function startPostgres(): Promise<void> {
  const ready = () => succeeds('pg_isready', ['-h', '127.0.0.1', '-p', PG_PORT(), '-q']);
  if (await ready()) return;
  await run('pg_ctlcluster', ['--skip-systemctl-redirect', await pgVersion(), PG_CLUSTER(), 'start']);
  for (let i = 0; i < 60 && !(await ready()); i++) await new Promise((resolve) => setTimeout(resolve, 500));
}

/** Shuts Redis down without saving: when it comes back it is empty, as after a crash without AOF. */
export async function stopRedisDiscardingData(): Promise<void> {
  await run('redis-cli', ['-p', REDIS_PORT(), 'shutdown', 'nosave']).catch(() => undefined);
}

/** Starts Redis (no-op while it answers) and restores the eviction policy BullMQ needs. */
export async function startRedis(): Promise<void> {
  const ping = async () =>
    (await run('redis-cli', ['-p', REDIS_PORT(), 'ping']).catch(() => ({ stdout: '' }))).stdout.trim() === 'PONG';
  if (!(await ping())) {
    await run('redis-server', redisStart(REDIS_PORT()));
    for (let i = 0; i < 40 && !(await ping()); i++) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await run('redis-cli', ['-p', REDIS_PORT(), 'config', 'set', 'maxmemory-policy', 'noeviction']);
}
