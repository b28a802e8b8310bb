import { Global, Module } from '@nestjs/common';
import { Kafka, logLevel } from 'kafkajs';
import { SERVICE_CONFIG, ServiceConfig } from '../config/service-config';
import { kafkaLogCreator } from './kafka-log-creator';
import { ConsumerState } from './consumer-state';
import { KAFKA } from './kafka.token';
import { TopicAdmin } from './topic-admin.service';

/** One kafkajs client per process, shared by the outbox relay, topic admin and health checks; the consumer's state. */
@Global()
@Module({
  providers: [
    {
      provide: KAFKA,
      inject: [SERVICE_CONFIG],
      useFactory: (config: ServiceConfig) =>
        new Kafka({
          clientId: config.kafkaClientId,
          brokers: config.kafkaBrokers,
          logLevel: logLevel.WARN,
          logCreator: kafkaLogCreator('kafkajs'),
          retry: { initialRetryTime: 300, retries: 8 },
        }),
    },
    TopicAdmin,
    ConsumerState,
  ],
  exports: [KAFKA, TopicAdmin, ConsumerState],
})
export class KafkaModule {}
