import { Injectable } from '@nestjs/common';

/** The service's one source of "now", so tests can stand at any hour (quiet hours). */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
