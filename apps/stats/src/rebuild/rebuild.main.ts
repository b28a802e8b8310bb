import { baseEnvSchema, validateEnv } from '@akimat/service-kit';
import { rebuildStats } from './stats-rebuild';

/**
 * The rebuild command. Built as dist/apps/stats/rebuild.js next to the service's main.js (production:
 * `node dist/apps/stats/rebuild.js`); `npm run stats:rebuild` runs this source directly. It reads the
 * service's own DATABASE_URL, KAFKA_BROKERS and KAFKA_TOPIC_PREFIX, checked before anything connects.
 */
const rebuildEnvSchema = baseEnvSchema.pick({ DATABASE_URL: true, KAFKA_BROKERS: true, KAFKA_TOPIC_PREFIX: true });

const fail = (message: string) => {
  process.stderr.write(`stats:rebuild failed: ${message}\n`);
  process.exit(1);
};

async function main(): Promise<void> {
  const env = validateEnv(rebuildEnvSchema, process.env);
  await rebuildStats({
    databaseUrl: env.DATABASE_URL,
    brokers: env.KAFKA_BROKERS.split(','),
    topicPrefix: env.KAFKA_TOPIC_PREFIX,
    progress: (line) => process.stdout.write(`stats:rebuild ${line}\n`),
  });
  // Kafka clients may leave timers behind; the swap is committed, so the command ends here.
  process.exit(0);
}

main().catch((error: Error) => fail(error.message));
