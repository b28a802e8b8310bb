import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { LONE_SURROGATE } from './unstorable-text';
import { badRequestFor, FieldViolation, validationExceptionFactory } from './validation-exception.factory';

/** Deeper than any DTO nests, far shallower than what overflows the stack of class-transformer. */
export const MAX_INPUT_DEPTH = 32;

/**
 * Unknown fields are refused, not silently dropped: a typo in a field name is an error. Before
 * validation, input is refused if it nests deeper than MAX_INPUT_DEPTH (validation walks it
 * recursively: a 100 kB body of `[[[[…` overflowed the stack), or if a string holds U+0000 or a
 * lone surrogate (`"\ud800"` is valid JSON but not Unicode), which PostgreSQL refuses in text and
 * jsonb columns: the insert failed with 500.
 */
export function createValidationPipe(): ValidationPipe {
  return new GuardedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: validationExceptionFactory,
  });
}

class GuardedValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Only the request's body, query and path. The pipe is global to the hybrid app, so it also sees
    // Kafka's untyped payloads and `@Ctx()` contexts: the consumer checks those itself and
    // dead-letters what it cannot take; refusing one here would fail the message over and over.
    const untyped = metadata.metatype === undefined || metadata.metatype === Object;
    if (untyped || !['body', 'query', 'param'].includes(metadata.type)) return super.transform(value, metadata);
    const violation = unstorableInput(value, metadata.data ?? '');
    return violation ? Promise.reject(badRequestFor([violation])) : super.transform(value, metadata);
  }
}

/** The first reason the input cannot be validated or stored; iterative, so it cannot overflow the stack itself. */
export function unstorableInput(value: unknown, root = ''): FieldViolation | undefined {
  const pending: [unknown, string, number][] = [[value, root, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [node, field, depth] = next;
    if (typeof node === 'string' && node.includes('\u0000')) {
      return {
        field,
        rule: 'noNullCharacter',
        message: `${field || 'input'} must not contain the NUL character (U+0000)`,
      };
    }
    if (typeof node === 'string' && LONE_SURROGATE.test(node)) {
      return {
        field,
        rule: 'wellFormedUnicode',
        message: `${field || 'input'} must be well-formed Unicode (no lone surrogates)`,
      };
    }
    if (node === null || typeof node !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) {
      const outer = field.split('.')[0];
      return {
        field: outer,
        rule: 'maxDepth',
        message: `${outer || 'input'} must not nest deeper than ${MAX_INPUT_DEPTH} levels`,
      };
    }
    for (const [key, child] of Object.entries(node)) pending.push([child, field ? `${field}.${key}` : key, depth + 1]);
  }
  return undefined;
}
