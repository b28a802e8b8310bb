import { z } from 'zod';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

interface ComposeFile {
  services: Record<string, { environment?: Record<string, string | number | boolean | null> }>;
}

/**
 * The environment docker-compose.yml gives one service, with YAML merge keys applied and
 * `${NAME:-default}` interpolated to its default, as `docker compose` would on a bare machine.
 */
export function composeEnvironment(
  service: string,
  file = join(__dirname, '../../../../docker-compose.yml'),
): Record<string, string> {
  const compose = parse(readFileSync(file, 'utf8'), { merge: true }) as ComposeFile;
  const definition = compose.services[service];
  if (!definition) throw new Error(`docker-compose.yml has no service "${service}"`);
  return Object.fromEntries(
    Object.entries(definition.environment ?? {}).map(([name, value]) => [
      name,
      String(value ?? '').replace(/\$\{[A-Z0-9_]+:-([^}]*)\}/g, '$1'),
    ]),
  );
}

/**
 * Throws unless docker-compose.yml sets every variable the schema requires (no default) and
 * the schema accepts the whole environment compose gives the service.
 */
export function assertComposeConfigures(service: string, schema: z.ZodObject): void {
  const environment = composeEnvironment(service);
  const missing = Object.entries(schema.shape)
    .filter(([name, rule]) => !(rule as z.ZodType).safeParse(undefined).success && !(name in environment))
    .map(([name]) => name);
  if (missing.length > 0) throw new Error(`docker-compose.yml does not set ${missing.join(', ')} for ${service}`);
  schema.parse(environment);
}
