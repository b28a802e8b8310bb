import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import { ConsumerState } from '../kafka/consumer-state';
import { TopicAdmin } from '../kafka/topic-admin.service';
import { REDIS } from '../redis/redis.module';
import { Public } from '../auth/access.decorators';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly topics: TopicAdmin,
    private readonly consumer: ConsumerState,
    @Optional() @Inject(REDIS) private readonly redis?: Redis,
  ) {}

  /** The process is up and its event loop answers. */
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** The service can do its job: its database, Kafka and (where used) Redis answer, and it consumes its events. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 3000 }),
      () => this.kafka(),
      () => this.consumerCheck(),
      ...(this.redis ? [() => this.redisCheck()] : []),
    ]);
  }

  private consumerCheck() {
    const check = this.indicators.check('consumer');
    return this.consumer.isJoined ? check.up() : check.down({ message: 'joining its Kafka consumer group' });
  }

  private async redisCheck() {
    const check = this.indicators.check('redis');
    try {
      await this.redis?.ping();
      return check.up();
    } catch (error) {
      return check.down({ message: (error as Error).message });
    }
  }

  private async kafka() {
    const check = this.indicators.check('kafka');
    try {
      await this.topics.ping();
      return check.up();
    } catch (error) {
      return check.down({ message: (error as Error).message });
    }
  }
}
