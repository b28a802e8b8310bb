export * from './lib/wait-for';
export * from './lib/test-database';
export * from './lib/kafka-probe';
export * from './lib/in-process-service';
export * from './lib/compose-environment';
export * from './lib/kafka-broker';
export * from './lib/acting-staff';
export * from './lib/redis-keys';
