import { createParamDecorator, ExecutionContext } from '@nestjs/common';

/** The request's correlation id, as assigned by the logger (taken from x-correlation-id or new). */
export const CorrelationId = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  return context.switchToHttp().getRequest<{ id: string }>().id;
});
