import { rebuildStats } from './stats-rebuild';

/** `npm run stats:rebuild`: reads DATABASE_URL, KAFKA_BROKERS and KAFKA_TOPIC_PREFIX like the service. */
const databaseUrl = process.env['DATABASE_URL'] ?? process.env['STATS_DATABASE_URL'];
if (!databaseUrl) {
  process.stderr.write('DATABASE_URL (the stats database) is required\n');
  process.exit(1);
}
rebuildStats({
  databaseUrl,
  brokers: (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(','),
  topicPrefix: process.env['KAFKA_TOPIC_PREFIX'] ?? '',
  progress: (line) => process.stdout.write(`stats:rebuild ${line}\n`),
}).catch((error: Error) => {
  process.stderr.write(`stats:rebuild failed: ${error.message}\n`);
  process.exit(1);
});
