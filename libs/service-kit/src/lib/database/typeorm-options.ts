import { TypeOrmModuleOptions } from '@nestjs/typeorm';
import { MixedList } from 'typeorm';
import { ServiceConfig } from '../config/service-config';

/** Entities and migrations are listed explicitly: the apps are bundled, so globs would find nothing. */
export function typeOrmOptions(
  config: ServiceConfig,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  schema: { entities: MixedList<Function>; migrations: MixedList<Function> },
): TypeOrmModuleOptions {
  return {
    type: 'postgres',
    url: config.DATABASE_URL,
    entities: schema.entities,
    migrations: schema.migrations,
    synchronize: false,
    migrationsRun: false, // MigrationRunner runs them under a lock, see there
    applicationName: config.serviceName,
    extra: { max: 10 },
    retryAttempts: 10,
    retryDelay: 1000,
  };
}
