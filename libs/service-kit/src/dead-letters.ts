// A light entry point for tools that read dead letters (tools/dlt): only kafkajs, zod and the
// contracts behind it, none of the Nest, TypeORM or BullMQ modules the main entry point loads.
export * from './lib/config/base-env.schema';
export * from './lib/config/validate-env';
export * from './lib/logging/personal-data';
export * from './lib/dead-letters/dead-letter-format';
export * from './lib/dead-letters/dead-letter-store';
