import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { StaffRole } from '@akimat/contracts';

export const ALLOWED_ROLES = 'akimat:allowed-roles';
export const PUBLIC_ENDPOINT = 'akimat:public-endpoint';

/**
 * Who may call an endpoint: staff holding one of these roles, with a valid token. An endpoint
 * without `@Allow` or `@Public` admits no one.
 */
export const Allow = (...roles: StaffRole[]) =>
  applyDecorators(
    SetMetadata(ALLOWED_ROLES, roles),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'no token, or it is expired, wrongly signed or malformed' }),
    ApiForbiddenResponse({ description: `the role does not allow this (allowed: ${roles.join(', ')})` }),
  );

/** Open to anyone without a token: health probes and the resident's tracking pages. */
export const Public = () => SetMetadata(PUBLIC_ENDPOINT, true);
