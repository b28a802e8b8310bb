export * from './lib/topics';
export * from './lib/envelope';
export * from './lib/envelope.factory';
export * from './lib/envelope.parser';
export * from './lib/events/common.schema';
export * from './lib/events/event-catalog';
export * from './lib/events/appeal-registered.event';
export * from './lib/events/appeal-routed.event';
