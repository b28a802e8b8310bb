import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Histogram } from 'prom-client';
import { SERVICE_CONFIG, ServiceConfig } from '../config/service-config';

const httpDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request latency, per method, route pattern and status',
  labelNames: ['service', 'method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
});

/** Times every request; labelled by the route pattern (`/api/v1/appeals/:id`), never the raw URL. */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(@Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const stop = httpDuration.startTimer({ service: this.config.serviceName, method: req.method });
    res.once('finish', () => {
      const pattern = (req.route as { path?: string } | undefined)?.path;
      stop({ route: pattern ? `${req.baseUrl}${pattern}` : 'unmatched', status: String(res.statusCode) });
    });
    next();
  }
}
