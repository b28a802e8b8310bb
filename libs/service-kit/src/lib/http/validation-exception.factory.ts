import { BadRequestException, ValidationError } from '@nestjs/common';

export interface FieldViolation {
  field: string;
  rule: string;
  message: string;
}

/** Flattens class-validator errors into one entry per (field, rule), nested fields dotted. */
export function toFieldViolations(errors: ValidationError[], parent = ''): FieldViolation[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({ field, rule, message }));
    return [...own, ...toFieldViolations(error.children ?? [], field)];
  });
}

/** 400 body: `{ statusCode, error, message, violations: [{ field, rule, message }] }`. */
export function validationExceptionFactory(errors: ValidationError[]): BadRequestException {
  return badRequestFor(toFieldViolations(errors));
}

/** The same 400 for rules checked in a service (e.g. a value that must exist in the database). */
export function badRequestFor(violations: FieldViolation[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: violations.map((v) => v.message),
    violations,
  });
}
