import { Logger } from '@nestjs/common';
import { logLevel, LogEntry } from 'kafkajs';

/**
 * Our producers retry a bounded number of times so a dead broker fails the relay tick instead of
 * hanging it; the duplicates a retry may cause are dropped by consumers (event ids), so this
 * kafkajs warning says nothing actionable.
 */
const IGNORED = ['Limiting retries for the idempotent producer'];

/** Routes kafkajs' own logs (warnings and errors only) into the service's logger. */
export function kafkaLogCreator(context: string) {
  const logger = new Logger(context);
  return () =>
    ({ level, log }: LogEntry) => {
      const { message, ...extra } = log;
      if (IGNORED.some((text) => message.startsWith(text))) return;
      if (level <= logLevel.ERROR) logger.error({ msg: message, ...extra });
      else if (level === logLevel.WARN) logger.warn({ msg: message, ...extra });
    };
}
