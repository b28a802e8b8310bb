import { ValidationOptions, registerDecorator } from 'class-validator';
import { isValidIin } from '@akimat/contracts';

/** 12 digits whose control digit is right (rule name in 400 responses: `isIin`). */
export function IsIin(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isIin',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a 12-digit IIN with a valid control digit', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isValidIin(value) },
    });
}
