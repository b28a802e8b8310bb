import { HttpException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { hasAnyRole, TokenVerifier } from '@akimat/service-kit';

/** The staff token a request presents: `Authorization: Bearer <token>`, or basic auth with the token as password. */
function presentedToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const [scheme, value = ''] = header.split(' ', 2);
  if (/^bearer$/i.test(scheme)) return value;
  if (/^basic$/i.test(scheme)) return Buffer.from(value, 'base64').toString('utf8').split(':').slice(1).join(':');
  return undefined;
}

/**
 * Guards the bull-board dashboard (plain Express, outside Nest's guards): only staff with the ops
 * role get in. Basic auth with the staff token as the password lets a browser prompt for it.
 */
export function opsDashboardMiddleware(tokens: TokenVerifier) {
  return (req: Request, res: Response, next: NextFunction) => {
    const refuse = (status: number, message: string) => {
      if (status === 401) res.setHeader('WWW-Authenticate', 'Basic realm="akimat-ops", charset="UTF-8"');
      res.status(status).json({ statusCode: status, message });
    };
    const token = presentedToken(req.headers.authorization);
    if (!token) return refuse(401, 'sign in with an ops staff token (Bearer, or as the basic-auth password)');
    tokens.verify(token).then(
      (staff) => (hasAnyRole(staff, ['ops']) ? next() : refuse(403, 'the queue dashboard is for the ops role')),
      (error: unknown) =>
        error instanceof HttpException
          ? refuse(error.getStatus(), error.message)
          : refuse(503, 'the token could not be checked'),
    );
  };
}
