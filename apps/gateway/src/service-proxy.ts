import type { RequestHandler } from 'express';
import type { ServerResponse } from 'node:http';
import { createProxyMiddleware } from 'http-proxy-middleware';
import type { Logger } from 'pino';

/**
 * Forwards /svc/<name>/api/v1/… to the service's /api/v1/…, query and body untouched, with the caller's address in
 * X-Forwarded-For (the services trust it from the gateway only: TRUST_PROXY). A service that is down
 * or too slow answers 502/504 with a reason the console can show, never a hung request.
 */
export function serviceProxy(name: string, target: string, timeoutMs: number, log: Logger): RequestHandler {
  return createProxyMiddleware({
    target,
    xfwd: true,
    proxyTimeout: timeoutMs,
    timeout: timeoutMs,
    on: {
      error: (error, _req, res) => {
        const code = (error as NodeJS.ErrnoException).code;
        const timedOut = code === 'ECONNRESET' || code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT';
        log.warn({ msg: 'service unavailable', service: name, code });
        const response = res as ServerResponse;
        if (response.headersSent || typeof response.writeHead !== 'function') {
          response.end?.();
          return;
        }
        const statusCode = timedOut ? 504 : 502;
        response.writeHead(statusCode, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({ statusCode, error: 'Service Unavailable', message: `${name} is not answering; try again` }),
        );
      },
    },
  }) as RequestHandler;
}
