import { Injectable, PipeTransform } from '@nestjs/common';
import { badRequestFor } from '@akimat/service-kit';

const REGISTRATION_NUMBER = /^[A-Z]{2,8}-\d{4}-\d{6}$/;

/** Accepts a registration number as a resident types it: any case, spaces around. */
@Injectable()
export class RegistrationNumberPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    const normalized = value.trim().toUpperCase();
    if (!REGISTRATION_NUMBER.test(normalized)) {
      throw badRequestFor([
        { field: 'registrationNumber', rule: 'format', message: 'registrationNumber looks like MAH-2026-000123' },
      ]);
    }
    return normalized;
  }
}
