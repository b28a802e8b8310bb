import { DynamicModule } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import { SERVICE_CONFIG, ServiceConfig } from '../config/service-config';
import { CORRELATION_ID_HEADER, correlationIdOf } from './correlation-id';
import { REDACTED_LOG_PATHS } from './personal-data';

/** JSON logs with the service name and the request's correlation id on every line. */
export function createLoggerModule(): DynamicModule {
  return LoggerModule.forRootAsync({
    inject: [SERVICE_CONFIG],
    useFactory: (config: ServiceConfig) => ({
      pinoHttp: [
        {
          level: config.LOG_LEVEL,
          base: { service: config.serviceName },
          redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
          genReqId: (req: IncomingMessage, res: ServerResponse) => {
            const id = correlationIdOf(req);
            res.setHeader(CORRELATION_ID_HEADER, id);
            return id;
          },
          customProps: (req: IncomingMessage) => ({ correlationId: (req as IncomingMessage & { id: string }).id }),
          autoLogging: { ignore: (req: IncomingMessage) => /^\/(health|metrics)/.test(req.url ?? '') },
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({
              id: req.id,
              method: req.method,
              url: req.url,
            }),
            // The status is what an access log needs; response headers would only make every line longer.
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
        },
        // Written asynchronously: lines logged while a write is in flight go out together in the next,
        // instead of one blocking write per line on the request's and the consumer's path. pino
        // flushes what is left when the process exits; only kill -9 can lose the last milliseconds.
        pino.destination({ dest: 1, sync: false }),
      ],
    }),
  });
}
