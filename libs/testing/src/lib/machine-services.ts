import { execFileSync, execSync } from 'node:child_process';
import { Socket } from 'node:net';

/**
 * The machine's PostgreSQL and Redis, stopped and started with the same commands the machine uses
 * (scripts/infra.sh starts them the same way), so a test can show what their outage does. They are
 * shared: a test that stops one must start it again in `finally`, and may run only when no one else
 * depends on them.
 */

const PG_CLUSTER = () => execSync('ls /etc/postgresql', { encoding: 'utf8' }).trim().split('\n')[0];
const REDIS_START = [
  '--daemonize', 'yes', '--bind', '127.0.0.1', '-::1', '--port', '6379', '--save', '', '--appendonly', 'no',
  '--dir', '/var/lib/redis', '--logfile', '/var/log/redis/ci.log',
];

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

/** `pg_ctlcluster … stop` (fast: open sessions are cut, as in a crash of the server's clients' view). */
export function stopPostgres(): void {
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', PG_CLUSTER(), 'main', 'stop'], { stdio: 'pipe' });
}

/** Starts the cluster (no-op while it runs) and waits until it accepts connections. */
export function startPostgres(): void {
  try {
    execFileSync('pg_isready', ['-h', '127.0.0.1', '-q'], { stdio: 'pipe' });
    return;
  } catch {
    // not answering: start it
  }
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', PG_CLUSTER(), 'main', 'start'], { stdio: 'pipe' });
  execSync('for i in $(seq 1 60); do pg_isready -h 127.0.0.1 -q && exit 0; sleep 0.5; done; exit 1', { stdio: 'pipe' });
}

/** Shuts Redis down without saving: when it comes back it is empty, as after a crash without AOF. */
export function stopRedisDiscardingData(): void {
  execFileSync('redis-cli', ['shutdown', 'nosave'], { stdio: 'pipe' });
}

/** Starts Redis (no-op while it answers) and restores the eviction policy BullMQ needs. */
export function startRedis(): void {
  const ping = () => {
    try {
      return execFileSync('redis-cli', ['ping'], { encoding: 'utf8', stdio: 'pipe' }).trim() === 'PONG';
    } catch {
      return false;
    }
  };
  if (!ping()) {
    execFileSync('redis-server', REDIS_START, { stdio: 'pipe' });
    execSync('for i in $(seq 1 40); do [ "$(redis-cli ping 2>/dev/null)" = PONG ] && exit 0; sleep 0.25; done; exit 1');
  }
  execFileSync('redis-cli', ['config', 'set', 'maxmemory-policy', 'noeviction'], { stdio: 'pipe' });
}
