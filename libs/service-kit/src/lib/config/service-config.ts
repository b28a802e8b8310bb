import { BaseEnv, OutboxEnv } from './base-env.schema';

export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');

/** The validated environment plus the service's own name; injected with @Inject(SERVICE_CONFIG). */
export type ServiceConfig<TEnv extends BaseEnv = BaseEnv> = TEnv & {
  serviceName: string;
  kafkaBrokers: string[];
  kafkaClientId: string;
  kafkaGroupId: string;
};

export type ProducerServiceConfig = ServiceConfig<BaseEnv & OutboxEnv>;

export function toServiceConfig<TEnv extends BaseEnv>(serviceName: string, env: TEnv): ServiceConfig<TEnv> {
  return {
    ...env,
    serviceName,
    kafkaBrokers: env.KAFKA_BROKERS.split(','),
    kafkaClientId: env.KAFKA_CLIENT_ID ?? serviceName,
    kafkaGroupId: env.KAFKA_GROUP_ID ?? serviceName,
  };
}
