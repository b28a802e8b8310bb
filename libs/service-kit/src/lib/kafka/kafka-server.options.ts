import { KafkaOptions, Transport } from '@nestjs/microservices';
import { Partitioners } from 'kafkajs';
import { ServiceConfig } from '../config/service-config';
import { kafkaLogCreator } from './kafka-log-creator';

/**
 * The Kafka side of the hybrid app. All instances of a service share one consumer group
 * (Nest appends "-server" to the id), and a new group starts from the beginning of each topic,
 * so replaying history into an empty service rebuilds its state.
 */
export function kafkaServerOptions(config: ServiceConfig): KafkaOptions {
  return {
    transport: Transport.KAFKA,
    options: {
      client: {
        clientId: config.kafkaClientId,
        brokers: config.kafkaBrokers,
        logCreator: kafkaLogCreator('kafka-consumer'),
        retry: { initialRetryTime: 300, retries: 8 },
      },
      consumer: {
        groupId: config.kafkaGroupId,
        allowAutoTopicCreation: false,
        sessionTimeout: 30_000,
        heartbeatInterval: 3_000,
      },
      subscribe: { fromBeginning: true },
      // Partitions in parallel; order within a partition (one appeal) is kept.
      run: { partitionsConsumedConcurrently: config.KAFKA_TOPIC_PARTITIONS },
      producer: { allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner },
    },
  };
}
