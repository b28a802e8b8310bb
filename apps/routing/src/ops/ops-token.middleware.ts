import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const sameSecret = (given: string, expected: string) =>
  given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));

/** The token a request presents: `Authorization: Bearer <token>`, or basic auth with the token as password. */
function presentedToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const [scheme, value = ''] = header.split(' ', 2);
  if (/^bearer$/i.test(scheme)) return value;
  if (/^basic$/i.test(scheme)) return Buffer.from(value, 'base64').toString('utf8').split(':').slice(1).join(':');
  return undefined;
}

/**
 * Guards the ops dashboards until staff access control exists: only holders of OPS_TOKEN pass;
 * with no token configured the dashboards are closed to everyone.
 */
export function opsTokenMiddleware(token: string | undefined) {
  return (req: Request, res: Response, next: NextFunction) => {
    const given = presentedToken(req.headers.authorization);
    if (token && given !== undefined && sameSecret(given, token)) return next();
    res.setHeader('WWW-Authenticate', 'Basic realm="akimat-ops", charset="UTF-8"');
    res
      .status(token ? 401 : 404)
      .json({ statusCode: token ? 401 : 404, message: token ? 'ops token required' : 'not found' });
  };
}
