import { BullModule } from '@nestjs/bullmq';
import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { BaseEnv, RedisEnv } from '../config/base-env.schema';
import { SERVICE_CONFIG, ServiceConfig } from '../config/service-config';

/** The service's own Redis client (health checks, small reads); BullMQ opens its own connections. */
export const REDIS = Symbol('REDIS');

/** BullMQ workers need `maxRetriesPerRequest: null` so a Redis restart pauses them instead of failing jobs. */
export function bullConnection(config: ServiceConfig<BaseEnv & RedisEnv>) {
  const url = new URL(config.REDIS_URL);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: ServiceConfig<BaseEnv & RedisEnv>) => ({
        connection: bullConnection(config),
        prefix: config.QUEUE_PREFIX,
      }),
    }),
  ],
  providers: [
    {
      provide: REDIS,
      inject: [SERVICE_CONFIG],
      useFactory: (config: ServiceConfig<BaseEnv & RedisEnv>) =>
        new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: false }),
    },
  ],
  exports: [REDIS, BullModule],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
