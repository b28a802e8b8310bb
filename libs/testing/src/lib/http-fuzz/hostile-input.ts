import fc from 'fast-check';

/** Strings that have broken servers before: injections, encodings, control and special characters. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202e\u0644\u0627',
  '\ufeff',
  "'; DROP TABLE appeals; --",
  "' OR '1'='1",
  '$1',
  '%',
  '%E0%A4%A',
  '%C0%80',
  '%00',
  '\\',
  '"',
  '<script>alert(1)</script>',
  '{{constructor.constructor("return process")()}}',
  '${process.exit(1)}',
  '../../../../etc/passwd',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'NaN',
  'Infinity',
  '-1',
  '1e400',
  '99999999999999999999999',
  '2026-02-30',
  '0000-00-00T00:00:00Z',
  '+275760-09-13T00:00:00.001Z',
  'true',
  'null',
  '[]',
  '{}',
  '😀'.repeat(3),
  'Ә'.repeat(5001),
];

const HUGE_NUMBERS = [1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -1, -0, 0.5, 2 ** 31, -(2 ** 63)];

/** Any string, including lone surrogates and control characters, or one of the nasty ones. */
export const hostileString = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.integer({ min: 200, max: 70_000 }).map((n) => 'x'.repeat(n)) },
  );

/** Any JSON value with hostile leaves; objects use keys that pollute prototypes or are unknown. */
export const hostileValue = (): fc.Arbitrary<unknown> =>
  fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constant(null),
      fc.boolean(),
      fc.integer(),
      fc.constantFrom(...HUGE_NUMBERS),
      hostileString(),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(hostileKey(), tie('value'), { maxKeys: 4 }),
    ),
  })).value;

export const hostileKey = (): fc.Arbitrary<string> =>
  fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'unknownField', ''), hostileString());

/** A request body as bytes plus the content type it is sent with. */
export interface RawBody {
  contentType?: string;
  bytes: Buffer;
  what: string;
}

/** A body, shown in fast-check's reports by what it is and its first bytes instead of every byte. */
const raw = (bytes: Buffer, what: string, contentType = 'application/json'): RawBody & fc.WithToStringMethod => ({
  contentType,
  bytes,
  what,
  [fc.toStringMethod]: () =>
    `${what} (${contentType}, ${bytes.length} bytes): ${JSON.stringify(bytes.subarray(0, 200).toString('utf8'))}`,
});
const json = (value: unknown, what: string): RawBody => raw(Buffer.from(JSON.stringify(value) ?? 'null'), what);
const text = (value: string, what: string, contentType = 'application/json'): RawBody =>
  raw(Buffer.from(value), what, contentType);

const INVALID_UTF8 = [[0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf5, 0x80, 0x80, 0x80], [0xe2, 0x82], [0x80]];

/** JSON text whose string value contains byte sequences that are not UTF-8 at all. */
const invalidUtf8Body = (): fc.Arbitrary<RawBody> =>
  fc
    .tuple(
      fc.constantFrom('text', 'reason', 'name', 'comment', 'x'),
      fc.array(fc.constantFrom(...INVALID_UTF8), { minLength: 1, maxLength: 6 }),
    )
    .map(([field, sequences]) =>
      raw(
        Buffer.concat([Buffer.from(`{"${field}":"`), Buffer.from(sequences.flat()), Buffer.from('"}')]),
        'invalid UTF-8',
      ),
    );

const nestedBody = (): fc.Arbitrary<RawBody> =>
  fc
    .oneof(
      fc.tuple(fc.integer({ min: 100, max: 45_000 }), fc.constant(true)),
      fc.tuple(fc.integer({ min: 100, max: 16_000 }), fc.constant(false)),
    )
    .map(([depth, arrays]) =>
      text(
        arrays ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
        `nested ${depth}`,
      ),
    );

const PROTOTYPE_POLLUTION = [
  '{"__proto__":{"polluted":true,"isAdmin":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"resident":{"__proto__":{"polluted":true}},"text":"x"}',
  '[{"__proto__":{"length":1e9}}]',
];

/**
 * Hostile bodies: any JSON value, a near-valid body with one field broken, missing or added,
 * malformed or deeply nested JSON, invalid UTF-8, prototype pollution, huge and over-limit
 * bodies, and other content types.
 */
export function hostileBody(nearValid: Record<string, unknown>[]): fc.Arbitrary<RawBody | undefined> {
  const arbitraries: fc.Arbitrary<RawBody | undefined>[] = [
    fc.constant(undefined),
    hostileValue().map((value) => json(value, 'any JSON value')),
    fc.string({ unit: 'binary', maxLength: 60 }).map((value) => text(value, 'malformed JSON')),
    invalidUtf8Body(),
    nestedBody(),
    fc.constantFrom(...PROTOTYPE_POLLUTION).map((value) => text(value, 'prototype pollution')),
    fc.constantFrom(900_000, 1_100_000, 3_000_000).map((size) => json({ text: 'я'.repeat(size / 2) }, `${size} bytes`)),
    fc
      .tuple(
        fc.constantFrom(
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/json; charset=koi8-r',
          'application/json; charset=utf-16',
          'multipart/form-data; boundary=x',
          'application/xml',
        ),
        hostileString(),
      )
      .map(([contentType, value]) => text(value, contentType, contentType)),
  ];
  // Half of the bodies are near-valid: they get past validation and reach the services and the database.
  if (nearValid.length > 0)
    return fc.oneof({ weight: 1, arbitrary: fc.oneof(...arbitraries) }, { weight: 1, arbitrary: mutated(nearValid) });
  return fc.oneof(...arbitraries);
}

/** Characters that pass most string rules but not every database, parser or encoder. */
const POISON = ['\u0000', '\ud800', '\udfff', '\u202e', '\ufeff', '\u2028', '\r\n', "'", '\\', '%00', '😀'];

/**
 * A valid example body with one leaf broken: replaced by a hostile value, poisoned (one character
 * inserted into an otherwise valid value), removed, or a hostile field added.
 */
function mutated(examples: Record<string, unknown>[]): fc.Arbitrary<RawBody> {
  return fc
    .tuple(
      fc.constantFrom(...examples),
      fc.nat(),
      fc.constantFrom('replace', 'poison', 'poison', 'remove', 'add'),
      leafValue(),
      hostileKey(),
      fc.constantFrom(...POISON),
      fc.nat(),
    )
    .map(([example, pick, how, value, key, poison, at]) => {
      const body = structuredClone(example);
      const paths = leafPaths(body);
      const path = paths[pick % paths.length] ?? [];
      const parent = path
        .slice(0, -1)
        .reduce<Record<string, unknown>>((node, step) => node[step] as Record<string, unknown>, body);
      const leaf = path[path.length - 1];
      if (how === 'add' || leaf === undefined) Object.defineProperty(parent, key, { value, enumerable: true });
      else if (how === 'remove') delete parent[leaf];
      else if (how === 'poison') parent[leaf] = insert(String(parent[leaf]), poison, at);
      else parent[leaf] = value;
      return json(body, `${how} ${[...path.slice(0, -1), how === 'add' ? key : leaf].join('.')}`);
    });
}

const insert = (value: string, poison: string, at: number): string => {
  const i = at % (value.length + 1);
  return value.slice(0, i) + poison + value.slice(i);
};

/** Most fields are strings, so a broken leaf is most often a hostile string. */
const leafValue = (): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 3, arbitrary: hostileString() }, { weight: 1, arbitrary: hostileValue() });

function leafPaths(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Object.entries(value as Record<string, unknown>);
  return entries.length === 0 ? [prefix] : entries.flatMap(([key, child]) => leafPaths(child, [...prefix, key]));
}

/** A path segment as it goes on the wire: a valid-looking value or a hostile one, percent-encoded or raw garbage. */
export function pathSegment(validLooking: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: validLooking.length > 0 ? fc.constantFrom(...validLooking) : fc.uuid({ version: 4 }) },
    { weight: 1, arbitrary: fc.uuid({ version: 4 }) },
    {
      weight: 2,
      arbitrary: hostileString()
        .filter(isWellFormed)
        .map((value) => encodeURIComponent(value.slice(0, 4000))),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '%',
        '%ZZ',
        '%C0%AF',
        '%ED%A0%80',
        '%FF%FE',
        '..',
        '%2e%2e%2f',
        '%00',
        'a%2Fb',
        '%E0%A4%A',
      ),
    },
  );
}

/** One query string: known and unknown names with hostile scalars, arrays, nested objects and huge numbers. */
export function hostileQuery(knownNames: string[], valid: Record<string, string>[] = []): fc.Arbitrary<string> {
  const name = fc.oneof(
    fc.constantFrom(...knownNames, 'unknown'),
    fc.constantFrom('__proto__', 'constructor', 'limit', 'offset'),
  );
  const pair = fc
    .tuple(name, fc.constantFrom('', '[]', '[0]', '[a]', '[__proto__]'), queryValue())
    .map(([n, suffix, v]) => `${n}${suffix}=${v}`);
  const hostile = fc.array(pair, { maxLength: 5 }).map((pairs) => pairs.join('&'));
  if (valid.length === 0) return hostile;
  return fc.oneof(hostile, nearValidQuery(valid), nearValidQuery(valid));
}

const queryValue = (): fc.Arbitrary<string> =>
  fc.oneof(
    hostileString()
      .filter(isWellFormed)
      .map((v) => encodeURIComponent(v.slice(0, 2000))),
    fc.constantFrom('-1', '-999999', '1e309', '99999999999999999999', '0x10', '1.5', 'NaN', '%', '%ZZ', '%00', '%FF'),
  );

const ENCODED_POISON = ['%00', '%ED%A0%80', '%E2%80%AE', '%27', '%5C', '%', '%FF', '%C0%80'];

/** A valid query with one parameter broken: replaced, poisoned, repeated as an array, removed, or one added. */
function nearValidQuery(valid: Record<string, string>[]): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(...valid),
      fc.nat(),
      fc.constantFrom('replace', 'poison', 'array', 'remove', 'add'),
      queryValue(),
      fc.constantFrom(...ENCODED_POISON),
    )
    .map(([query, pick, how, value, poison]) => {
      const pairs = Object.entries(query).map(([n, v]) => [n, encodeURIComponent(v)]);
      const i = pick % Math.max(pairs.length, 1);
      const target = pairs[i];
      if (!target || how === 'add') pairs.push(['unknown', value]);
      else if (how === 'remove') pairs.splice(i, 1);
      else if (how === 'array') pairs.push([target[0], value]);
      else target[1] = how === 'poison' ? target[1] + poison : value;
      return pairs.map(([n, v]) => `${n}=${v}`).join('&');
    });
}

/** Hostile values for the headers the API reads: staff token, idempotency, tracking code, correlation id. */
export function hostileHeaders(valid: Record<string, string>): fc.Arbitrary<Record<string, string>> {
  const latin1 = fc.oneof(
    fc.constantFrom(
      '%',
      '%E0%A4%A',
      '%C0%80',
      '%ED%A0%80',
      '%00',
      '%20%20',
      'x'.repeat(8000),
      '\u00ff\u00fe',
      'a\tb',
      '',
      'Bearer ',
      'Bearer a.b.c',
      'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZXMiOlsiYWtpbSJdfQ.',
      `Bearer ${'x'.repeat(8000)}`,
      'Basic YWRtaW46YWRtaW4=',
    ),
    // Every character HTTP allows in a header value (Latin-1 without controls; DEL is skipped).
    fc.string({
      unit: fc.integer({ min: 0x20, max: 0xfe }).map((code) => String.fromCharCode(code < 0x7f ? code : code + 1)),
      maxLength: 60,
    }),
  );
  const header = fc.constantFrom(
    'authorization',
    'idempotency-key',
    'x-tracking-code',
    'x-correlation-id',
    'accept',
    'content-type',
  );
  return fc
    .tuple(
      fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, fc.constant(false)),
      fc.dictionary(header, latin1, { maxKeys: 2 }),
    )
    .map(([keepValid, hostile]) => ({ ...(keepValid ? valid : {}), ...hostile }));
}

const isWellFormed = (value: string): boolean =>
  !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value);
