import { z } from 'zod';

export class InvalidConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'InvalidConfigurationError';
  }
}

/**
 * Parses the environment once at boot. The error names every wrong variable and its rule,
 * so a service with bad configuration stops with a message an operator can act on.
 */
export function validateEnv<S extends z.ZodType>(schema: S, env: Record<string, unknown>): z.infer<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new InvalidConfigurationError(
      result.error.issues.map((issue) => {
        const name = issue.path.join('.');
        return env[name] === undefined && issue.code === 'invalid_type'
          ? `${name} is required but not set`
          : `${name}: ${issue.message}`;
      }),
    );
  }
  return result.data;
}
