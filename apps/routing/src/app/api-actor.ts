import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Staff } from '@akimat/contracts';

/** Documents the headers `@ActingStaff()` reads, on every endpoint that records who acted. */
export const ApiActor = () =>
  applyDecorators(
    ApiHeader({ name: 'X-Actor-Name', required: true, description: 'Who acts (percent-encoded UTF-8)' }),
    ApiHeader({ name: 'X-Actor-Position', required: false, description: 'Their position (percent-encoded UTF-8)' }),
    ApiUnauthorizedResponse({ description: 'X-Actor-Name is missing' }),
  );

/** "Name (Position)", as stored beside a change. */
export const staffLabel = (actor: Staff): string => (actor.position ? `${actor.name} (${actor.position})` : actor.name);
