import express, { Express } from 'express';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import { CORRELATION_ID_HEADER, correlationIdOf } from '@akimat/service-kit';
import { consoleFiles } from './console-files';
import { demoSignIn, demoStaffFileSchema } from './demo-sign-in';
import { GatewayConfig, upstreamsOf } from './gateway.config';
import { serviceProxy } from './service-proxy';

// The console loads nothing from elsewhere; charts draw on canvas, the receipt opens as a blob.
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data: blob:; frame-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** One origin for staff and residents: the console's files, /svc/<service>/api/v1/… and the demo sign-in. */
export function createGateway(config: GatewayConfig, log: Logger): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.get('/health/live', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Ready when it has a console to serve; the services behind it have their own readiness.
  app.get('/health/ready', (_req, res) => {
    const built = existsSync(join(config.CONSOLE_DIR, 'index.html'));
    res.status(built ? 200 : 503).json({ status: built ? 'ok' : 'error', console: built ? 'built' : 'missing' });
  });
  app.use(
    pinoHttp({
      logger: log,
      genReqId: (req, res) => {
        // The same id goes to the service (below), so one grep follows a click through every service.
        const id = correlationIdOf(req);
        req.headers[CORRELATION_ID_HEADER] = id;
        res.setHeader(CORRELATION_ID_HEADER, id);
        return id;
      },
      customProps: (req) => ({ correlationId: req.id }),
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req) => !(req.url ?? '').startsWith('/svc/') && !(req.url ?? '').startsWith('/auth/') },
    }),
  );
  app.use((_req, res, next) => {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
    next();
  });
  // Only the services' public API: their /metrics, /health and /api/docs stay inside the network.
  for (const [name, target] of Object.entries(upstreamsOf(config))) {
    app.use(
      `/svc/${name}/api/v1`,
      serviceProxy(name, `${target.replace(/\/$/, '')}/api/v1`, config.UPSTREAM_TIMEOUT_MS, log),
    );
  }
  if (config.DEMO_SIGNING_KEY_FILE && config.DEMO_STAFF_FILE) {
    const staff = demoStaffFileSchema.parse(JSON.parse(readFileSync(config.DEMO_STAFF_FILE, 'utf8')));
    app.use('/auth/demo', demoSignIn(readFileSync(config.DEMO_SIGNING_KEY_FILE, 'utf8'), staff));
  }
  app.use(['/svc', '/auth'], (_req, res) => {
    res.status(404).json({ statusCode: 404, error: 'Not Found', message: 'no such service or sign-in' });
  });
  app.use(consoleFiles(config.CONSOLE_DIR));
  return app;
}
