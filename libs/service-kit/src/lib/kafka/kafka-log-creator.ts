import { Logger } from '@nestjs/common';
import { logLevel, LogEntry } from 'kafkajs';

/** Routes kafkajs' own logs (warnings and errors only) into the service's logger. */
export function kafkaLogCreator(context: string) {
  const logger = new Logger(context);
  return () =>
    ({ level, log }: LogEntry) => {
      const { message, ...extra } = log;
      if (level <= logLevel.ERROR) logger.error({ msg: message, ...extra });
      else if (level === logLevel.WARN) logger.warn({ msg: message, ...extra });
    };
}
