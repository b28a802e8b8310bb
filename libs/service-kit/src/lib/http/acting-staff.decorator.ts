import { applyDecorators, createParamDecorator, ExecutionContext, UnauthorizedException } from '@nestjs/common';
import { ApiHeader, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Staff } from '@akimat/contracts';
import { badRequestFor } from './validation-exception.factory';

type HeaderBag = Record<string, string | string[] | undefined>;

/**
 * The member of staff making the request, taken from the request context and never from the body.
 * Until staff sign-in lands (JWT claims, issue #10) it comes from `X-Actor-Name` and
 * `X-Actor-Position`, percent-encoded UTF-8 because HTTP headers carry only Latin-1.
 */
export const ActingStaff = createParamDecorator((_: unknown, context: ExecutionContext): Staff => {
  const headers = context.switchToHttp().getRequest<{ headers: HeaderBag }>().headers;
  const name = decodeHeader(headers, 'x-actor-name');
  if (!name) {
    throw new UnauthorizedException('the acting member of staff is required (X-Actor-Name header)');
  }
  const position = decodeHeader(headers, 'x-actor-position');
  return position ? { name, position } : { name };
});

function decodeHeader(headers: HeaderBag, header: string): string | undefined {
  const raw = headers[header];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || value.trim() === '') return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value).trim();
  } catch {
    throw badRequestFor([
      { field: header, rule: 'percentEncodedUtf8', message: `${header} must be percent-encoded UTF-8` },
    ]);
  }
  if (decoded.includes('\u0000')) {
    throw badRequestFor([{ field: header, rule: 'noNullCharacter', message: `${header} must not contain %00` }]);
  }
  if (decoded.length > 200) {
    throw badRequestFor([{ field: header, rule: 'maxLength', message: `${header} must be at most 200 characters` }]);
  }
  return decoded;
}

/** Documents, in OpenAPI, the headers `@ActingStaff()` reads. */
export const ApiActingStaff = () =>
  applyDecorators(
    ApiHeader({ name: 'X-Actor-Name', required: true, description: 'Who acts (percent-encoded UTF-8)' }),
    ApiHeader({ name: 'X-Actor-Position', required: false, description: 'Their position (percent-encoded UTF-8)' }),
    ApiUnauthorizedResponse({ description: 'X-Actor-Name is missing' }),
  );

/** "Name (Position)", as stored beside a change. */
export const staffLabel = (actor: Staff): string => (actor.position ? `${actor.name} (${actor.position})` : actor.name);
