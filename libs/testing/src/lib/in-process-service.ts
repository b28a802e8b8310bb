import { INestApplication } from '@nestjs/common';
import { AddressInfo, createServer } from 'node:net';
import { bootstrapService, ServiceDefinition } from '@akimat/service-kit';
import { resetDatabase, testDatabaseUrl } from './test-database';

export interface RunningService {
  app: INestApplication;
  databaseUrl: string;
  topicPrefix: string;
  close(): Promise<void>;
}

/**
 * Starts one service in this process against the real infrastructure: its own empty test
 * database, its own consumer group, and the topic prefix the integration setup file chose.
 */
export async function startServiceForTest(
  definition: ServiceDefinition,
  env: Record<string, string> = {},
  databaseOf = definition.serviceName,
): Promise<RunningService> {
  const databaseUrl = testDatabaseUrl(databaseOf);
  await resetDatabase(databaseUrl);
  const topicPrefix = process.env['KAFKA_TOPIC_PREFIX'] ?? '';
  Object.assign(process.env, {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'warn',
    DATABASE_URL: databaseUrl,
    HTTP_PORT: String(await freePort()),
    KAFKA_GROUP_ID: `${topicPrefix}${definition.serviceName}`,
    OUTBOX_POLL_INTERVAL_MS: '50',
    QUEUE_PREFIX: `test-${topicPrefix}${definition.serviceName}`,
    EVENT_MAX_ATTEMPTS: '3',
    ...env,
  });
  const app = await bootstrapService(definition);
  return { app, databaseUrl, topicPrefix, close: () => app.close() };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
