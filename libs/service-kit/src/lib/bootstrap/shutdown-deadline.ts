const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * Bounds a graceful shutdown. Nest closes the service in order on SIGTERM/SIGINT (HTTP stops
 * taking requests, the consumer commits what it applied, queues and clients disconnect), but a
 * client waiting for a broker that is down can take much longer. After `timeoutMs` the process
 * exits anyway: nothing is lost by that, because every state change is committed with its outbox
 * row and every consumer is idempotent, so unfinished work is redelivered and applied once.
 */
export function exitAfterShutdownDeadline(timeoutMs: number, log: (message: string) => void): void {
  for (const signal of SHUTDOWN_SIGNALS) {
    process.once(signal, () => {
      setTimeout(() => {
        log(`shutdown took longer than ${timeoutMs} ms after ${signal}; exiting now (unfinished work is redelivered)`);
        process.exit(1);
      }, timeoutMs).unref();
    });
  }
}
