import { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { z } from 'zod';
import { BaseEnv } from '../config/base-env.schema';
import { toServiceConfig } from '../config/service-config';
import { validateEnv } from '../config/validate-env';
import { createValidationPipe } from '../http/validation.pipe';
import { kafkaServerOptions } from '../kafka/kafka-server.options';
import { BatchingKafkaServer } from '../kafka/batching-kafka.server';
import { ConsumerState } from '../kafka/consumer-state';
import { TopicAdmin } from '../kafka/topic-admin.service';
import { setupOpenApi } from './openapi';
import { exitAfterShutdownDeadline } from './shutdown-deadline';

export interface ServiceDefinition {
  serviceName: string;
  envSchema: z.ZodType<BaseEnv>;
  appModule: Type<unknown>;
}

/**
 * Starts one service: HTTP plus its Kafka consumer in one process. Configuration is checked
 * before anything connects, so a wrong variable stops the process with its name.
 */
export async function bootstrapService(definition: ServiceDefinition): Promise<INestApplication> {
  const config = loadConfigOrExit(definition);
  const app = await NestFactory.create<NestExpressApplication>(definition.appModule, { bufferLogs: true });
  // No framework banner for attackers, and no ETag hashing of every JSON answer (clients don't revalidate).
  app.disable('x-powered-by');
  app.set('etag', false);
  if (config.TRUST_PROXY !== undefined) app.set('trust proxy', config.TRUST_PROXY);
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  exitAfterShutdownDeadline(config.SHUTDOWN_TIMEOUT_MS, (msg) => app.get(Logger).warn({ msg }));
  setupOpenApi(app, definition.serviceName);

  await app.get(TopicAdmin).ensureTopics();
  app.connectMicroservice(
    {
      strategy: new BatchingKafkaServer(kafkaServerOptions(config).options ?? {}, {
        batchSize: config.EVENT_BATCH_SIZE,
        commitIntervalMs: config.KAFKA_COMMIT_INTERVAL_MS,
      }),
    },
    { inheritAppConfig: true },
  );
  // Migrations run in init hooks: the consumer must not start before the schema exists.
  await app.init();
  // HTTP first: a process restarted after a crash waits up to the broker's session timeout to join
  // its consumer group (the dead member must expire first), and the akim recording an appeal must not
  // wait with it — requests need no consumer, what they change leaves through the outbox. Readiness
  // stays false until the join, so orchestrators and scripts still wait for a whole service.
  await app.listen(config.HTTP_PORT);
  app.get(Logger).log({ msg: `${definition.serviceName} listening`, port: config.HTTP_PORT });
  await app.startAllMicroservices();
  app.get(ConsumerState).markJoined();
  app.get(Logger).log({ msg: `${definition.serviceName} consuming events` });
  return app;
}

function loadConfigOrExit({ serviceName, envSchema }: ServiceDefinition) {
  try {
    return toServiceConfig(serviceName, validateEnv(envSchema, process.env));
  } catch (error) {
    process.stderr.write(
      `${JSON.stringify({ level: 'fatal', service: serviceName, msg: (error as Error).message })}\n`,
    );
    process.exit(1);
  }
}
