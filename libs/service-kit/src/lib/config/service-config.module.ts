import { DynamicModule, Global, Module } from '@nestjs/common';
import { z } from 'zod';
import { BaseEnv } from './base-env.schema';
import { SERVICE_CONFIG, toServiceConfig } from './service-config';
import { validateEnv } from './validate-env';

/** Validates process.env against the service's schema once and provides it everywhere. */
@Global()
@Module({})
export class ServiceConfigModule {
  static forRoot<S extends z.ZodType<BaseEnv>>(serviceName: string, schema: S): DynamicModule {
    return {
      module: ServiceConfigModule,
      providers: [
        {
          provide: SERVICE_CONFIG,
          useFactory: () => toServiceConfig(serviceName, validateEnv(schema, process.env)),
        },
      ],
      exports: [SERVICE_CONFIG],
    };
  }
}
