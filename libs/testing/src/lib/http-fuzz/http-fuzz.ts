import { INestApplication } from '@nestjs/common';
import fc from 'fast-check';
import { AddressInfo } from 'node:net';
import { request as httpRequest } from 'node:http';
import { hostileBody, hostileHeaders, hostileQuery, pathSegment, RawBody } from './hostile-input';

/** One HTTP operation as the service's OpenAPI document lists it. */
export interface FuzzedOperation {
  method: string;
  path: string;
  pathParams: string[];
  queryParams: string[];
  bodyExample?: Record<string, unknown>;
}

export interface FuzzOptions {
  /** Valid-looking values per path parameter name (e.g. an existing appeal's id). */
  pathValues?: Record<string, string[]>;
  /** Headers a well-behaved client sends (who acts, a tracking code); sometimes kept, sometimes broken. */
  validHeaders?: Record<string, string>;
  /** Valid query parameters per `METHOD /path`; the fuzzer breaks one at a time. */
  validQueries?: Record<string, Record<string, string>[]>;
  /** Valid bodies per `METHOD /path` (OpenAPI template); the fuzzer breaks one field at a time. */
  validBodies?: Record<string, Record<string, unknown>[]>;
  numRuns?: number;
  seed?: number;
}

interface FuzzResponse {
  status: number;
  contentType: string;
  body: string;
}

/** The runs per operation and the seed: `FUZZ_RUNS`, `FUZZ_SEED` (random and printed when unset). */
export function fuzzSettings(): { numRuns: number; seed: number } {
  const seed = process.env['FUZZ_SEED'] ? Number(process.env['FUZZ_SEED']) : Math.floor(Math.random() * 2 ** 31);
  return { numRuns: Number(process.env['FUZZ_RUNS'] ?? 12), seed };
}

/** Every operation of the service, read from its OpenAPI document, so a new endpoint is fuzzed too. */
export async function listOperations(baseUrl: string): Promise<FuzzedOperation[]> {
  const document = JSON.parse((await send(baseUrl, 'GET', '/api/docs-json', {})).body) as OpenApiDocument;
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      pathParams: (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
      queryParams: (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      bodyExample: exampleOf(document, operation.requestBody?.content?.['application/json']?.schema),
    })),
  );
}

/**
 * Sends hostile requests to one operation; returns what broke the rules (a 5xx, a 4xx without a
 * JSON reason, no answer) with fast-check's counterexample, seed and path to replay it.
 */
export async function fuzzOperation(
  baseUrl: string,
  operation: FuzzedOperation,
  options: FuzzOptions,
): Promise<string | undefined> {
  const { numRuns, seed } = { ...fuzzSettings(), ...options };
  const key = `${operation.method} ${operation.path}`;
  // The test's valid bodies reach further than one sketched from the schema, which may fail validation.
  const examples = options.validBodies?.[key] ?? (operation.bodyExample ? [operation.bodyExample] : []);
  const segments = operation.pathParams.map((name) => pathSegment(options.pathValues?.[name] ?? []));
  const requestArbitrary = fc.record({
    segments: fc.tuple(...segments),
    query: hostileQuery(operation.queryParams, options.validQueries?.[key] ?? []),
    headers: hostileHeaders(options.validHeaders ?? {}),
    body: operation.method === 'GET' ? fc.constant(undefined) : hostileBody(examples),
  });
  const statuses = new Map<number, number>();
  const result = await fc.check(
    fc.asyncProperty(requestArbitrary, async ({ segments: values, query, headers, body }) => {
      let path = operation.path;
      operation.pathParams.forEach((name, i) => (path = path.replace(`{${name}}`, values[i] ?? '')));
      const response = await send(baseUrl, operation.method, query ? `${path}?${query}` : path, headers, body);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      const broken = brokenRule(response);
      if (broken) throw new Error(`${broken}: ${response.status} ${response.body.slice(0, 300)}`);
    }),
    { numRuns, seed, endOnFailure: false, includeErrorInReport: true, interruptAfterTimeLimit: 60_000 },
  );
  const tally = [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`);
  process.stdout.write(`  ${key}: ${tally.join(' ')}\n`);
  return result.failed ? `${key}\n${fc.defaultReportMessage(result)}` : undefined;
}

/** The rules every answer keeps, whatever was sent. */
function brokenRule(response: FuzzResponse): string | undefined {
  if (response.status >= 500) return 'server error';
  // 431: Node's HTTP parser refuses a URL or headers over 16 kB before the application sees them.
  if (response.status < 400 || response.status === 431) return undefined;
  if (!response.contentType.startsWith('application/json')) return `${response.status} without a JSON body`;
  const body = JSON.parse(response.body) as { message?: unknown; violations?: unknown[] };
  const hasReason =
    (typeof body.message === 'string' && body.message !== '') ||
    (Array.isArray(body.message) && body.message.length > 0);
  return hasReason ? undefined : `${response.status} without a reason`;
}

/** A raw request: bytes and headers exactly as given (supertest would re-encode them). */
export function send(
  baseUrl: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: RawBody,
): Promise<FuzzResponse> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: { ...(body?.contentType ? { 'content-type': body.contentType } : {}), ...headers },
        timeout: 30_000,
        // A fresh connection each time: reusing a kept-alive socket races the server closing it (ECONNRESET).
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within 30 s to ${method} ${path}`)));
    req.on('error', reject);
    req.end(body?.bytes);
  });
}

interface OpenApiSchema {
  $ref?: string;
  type?: string;
  example?: unknown;
  enum?: unknown[];
  properties?: Record<string, OpenApiSchema>;
  items?: OpenApiSchema;
}
interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { in: string; name: string }[];
        requestBody?: { content?: Record<string, { schema?: OpenApiSchema }> };
      }
    >
  >;
  components?: { schemas?: Record<string, OpenApiSchema> };
}

/** A body shaped like the documented schema (its examples or plausible values), for near-valid mutations. */
function exampleOf(
  document: OpenApiDocument,
  schema: OpenApiSchema | undefined,
  depth = 0,
): Record<string, unknown> | undefined {
  const value = sample(document, schema, depth);
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function sample(document: OpenApiDocument, schema: OpenApiSchema | undefined, depth: number): unknown {
  if (!schema || depth > 5) return undefined;
  if (schema.$ref)
    return sample(document, document.components?.schemas?.[schema.$ref.split('/').pop() ?? ''], depth + 1);
  if (schema.example !== undefined) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.properties)
    return Object.fromEntries(
      Object.entries(schema.properties).map(([name, property]) => [name, sample(document, property, depth + 1) ?? 'x']),
    );
  if (schema.type === 'array') return [sample(document, schema.items, depth + 1) ?? 'x'];
  return { integer: 1, number: 1, boolean: true, string: 'x' }[schema.type ?? 'string'];
}

/**
 * Fuzzes every operation of a running service and then checks it is still alive. Returns one
 * report per broken operation (empty when all held); the seed is printed so a run can be replayed.
 */
export async function fuzzService(baseUrl: string, options: FuzzOptions = {}): Promise<string[]> {
  const settings = { ...fuzzSettings(), ...options };
  process.stdout.write(`HTTP fuzzing ${baseUrl}: FUZZ_SEED=${settings.seed} FUZZ_RUNS=${settings.numRuns}\n`);
  const failures: string[] = [];
  for (const operation of await listOperations(baseUrl)) {
    const failure = await fuzzOperation(baseUrl, operation, settings);
    if (failure) failures.push(failure);
    const live = await send(baseUrl, 'GET', '/health/live', {}).catch((error: Error) => ({
      status: 0,
      body: error.message,
    }));
    if (live.status !== 200)
      failures.push(`not live after ${operation.method} ${operation.path}: ${live.status} ${live.body}`);
  }
  return failures.map(
    (failure) => `${failure}\n(replay with FUZZ_SEED=${settings.seed} FUZZ_RUNS=${settings.numRuns})`,
  );
}

/** Where an in-process service listens. */
export function baseUrlOf(app: INestApplication): string {
  return `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
}
