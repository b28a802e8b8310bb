import { parseArgs } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { z } from 'zod';
import { deadLetterTopic, DEAD_LETTER_SUFFIX, TOPICS } from '@akimat/contracts';
import {
  baseEnvSchema,
  DeadLetter,
  DeadLetterStore,
  DeadLetterToolError,
  InvalidConfigurationError,
  validateEnv,
} from '@akimat/service-kit/dead-letters';
import { describeDeadLetter, describeReplay } from './dead-letter-view';

export const dltEnvSchema = baseEnvSchema.pick({ KAFKA_BROKERS: true, KAFKA_TOPIC_PREFIX: true });
export type DltEnv = z.infer<typeof dltEnvSchema>;

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

/** Exit codes: 0 done, 1 the operation failed (broker, topic, offset), 2 wrong usage or configuration. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export const USAGE = `Dead letters: list them, and replay them to the topic they came from.

  dlt list [--topic T] [--limit N] [--show-payload]
  dlt replay --topic T (--offset P:O | --partition P --offset O | --all) [--dry-run]

  --topic T       an event topic or its dead-letter twin, without KAFKA_TOPIC_PREFIX
                  (${Object.values(TOPICS).join(', ')}); list: all of them by default
  --limit N       list the newest N dead letters of each topic (default 50)
  --show-payload  also print the original value, with personal data redacted
  --offset P:O    the dead letter at partition P, offset O of the dead-letter topic (as listed)
  --all           every dead letter of the topic not replayed before
  --dry-run       print what would be replayed, publish nothing

Environment: KAFKA_BROKERS (default 127.0.0.1:9092), KAFKA_TOPIC_PREFIX (default empty).
A dead letter is replayed once: each replay is recorded on <dlt topic>.replayed, and later runs skip it.`;

class UsageError extends Error {}

/** Runs one command line; never throws, returns the exit code. */
export async function runDlt(argv: string[], env: Record<string, string | undefined>, output: Output): Promise<number> {
  let store: DeadLetterStore | undefined;
  try {
    const command = parseCommand(argv);
    if (command.name === 'help') {
      output.out(USAGE);
      return EXIT.ok;
    }
    const config = validateEnv(dltEnvSchema, env);
    store = new DeadLetterStore(
      new Kafka({
        clientId: 'akimat-dlt',
        brokers: config.KAFKA_BROKERS.split(','),
        logLevel: logLevel.NOTHING,
        connectionTimeout: 3000,
        retry: { retries: 3 },
      }),
    );
    return command.name === 'list'
      ? await list(store, config, command, output)
      : await replay(store, config, command, output);
  } catch (error) {
    if (error instanceof UsageError || error instanceof InvalidConfigurationError) {
      output.err(`dlt: ${error.message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    const message = error instanceof DeadLetterToolError ? error.message : kafkaProblem(error, env);
    output.err(`dlt: ${message}`);
    return EXIT.failed;
  } finally {
    await store?.close().catch(() => undefined);
  }
}

type Command =
  | { name: 'help' }
  | { name: 'list'; topic?: string; limit: number; showPayload: boolean }
  | { name: 'replay'; topic: string; which: 'all' | { partition: number; offset: string }; dryRun: boolean };

export function parseCommand(argv: string[]): Command {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') return { name: 'help' };
  if (name !== 'list' && name !== 'replay') throw new UsageError(`unknown command "${name}"`);
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: rest,
      strict: true,
      allowPositionals: false,
      options:
        name === 'list'
          ? { topic: { type: 'string' }, limit: { type: 'string' }, 'show-payload': { type: 'boolean' } }
          : {
              topic: { type: 'string' },
              offset: { type: 'string' },
              partition: { type: 'string' },
              all: { type: 'boolean' },
              'dry-run': { type: 'boolean' },
            },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const topic = values['topic'] as string | undefined;
  if (name === 'list') {
    const limit = values['limit'] === undefined ? 50 : wholeNumber('--limit', values['limit'] as string);
    if (limit < 1) throw new UsageError('--limit must be at least 1');
    return { name, topic, limit, showPayload: values['show-payload'] === true };
  }
  if (!topic) throw new UsageError('replay needs --topic');
  const offset = values['offset'] as string | undefined;
  const partition = values['partition'] as string | undefined;
  const all = values['all'] === true;
  if (all === (offset !== undefined)) throw new UsageError('replay needs exactly one of --offset P:O or --all');
  if (all && partition !== undefined) throw new UsageError('--partition goes with --offset, not --all');
  return { name, topic, which: all ? 'all' : position(offset as string, partition), dryRun: values['dry-run'] === true };
}

function position(offset: string, partition: string | undefined): { partition: number; offset: string } {
  const [p, o] = offset.includes(':') ? offset.split(':', 2) : [partition, offset];
  if (p === undefined) throw new UsageError('say which partition: --offset P:O, or --partition P --offset O');
  if (offset.includes(':') && partition !== undefined) throw new UsageError('give the partition once: --offset P:O or --partition P');
  return { partition: wholeNumber('partition', p), offset: String(wholeNumber('offset', o)) };
}

function wholeNumber(what: string, text: string): number {
  if (!/^\d{1,15}$/.test(text)) throw new UsageError(`${what} must be a whole number, got "${text}"`);
  return Number(text);
}

/** `akimat.appeals.events.v1`, its `.dlt` twin, with or without the prefix → the physical dlt topic. */
export function resolveDeadLetterTopic(topic: string, prefix: string): string {
  let name = topic.endsWith(DEAD_LETTER_SUFFIX) ? topic.slice(0, -DEAD_LETTER_SUFFIX.length) : topic;
  if (prefix && name.startsWith(prefix) && !(Object.values(TOPICS) as string[]).includes(name)) {
    name = name.slice(prefix.length);
  }
  if (!(Object.values(TOPICS) as string[]).includes(name)) {
    throw new UsageError(`unknown topic "${topic}"; the event topics are ${Object.values(TOPICS).join(', ')}`);
  }
  return deadLetterTopic(`${prefix}${name}`);
}

async function list(
  store: DeadLetterStore,
  config: DltEnv,
  command: Extract<Command, { name: 'list' }>,
  output: Output,
): Promise<number> {
  const wanted = command.topic
    ? [resolveDeadLetterTopic(command.topic, config.KAFKA_TOPIC_PREFIX)]
    : Object.values(TOPICS).map((topic) => deadLetterTopic(`${config.KAFKA_TOPIC_PREFIX}${topic}`));
  const existing = await store.existingTopics(wanted);
  if (command.topic && existing.length === 0) {
    throw new DeadLetterToolError(
      `topic "${wanted[0]}" does not exist on the broker at ${config.KAFKA_BROKERS} (is KAFKA_TOPIC_PREFIX right?)`,
    );
  }
  for (const topic of existing) {
    const { total, letters } = await store.list(topic, command.limit);
    const pending = letters.filter((letter) => !letter.replayedAt).length;
    const shown = total > letters.length ? `the newest ${letters.length} of ${total}` : `${total}`;
    output.out(`# ${topic}: ${shown} dead letter(s), ${pending} of those not replayed`);
    for (const letter of letters) output.out(describeDeadLetter(letter, command.showPayload));
  }
  if (existing.length === 0) output.out(`no dead-letter topics with prefix "${config.KAFKA_TOPIC_PREFIX}" on the broker`);
  return EXIT.ok;
}

async function replay(
  store: DeadLetterStore,
  config: DltEnv,
  command: Extract<Command, { name: 'replay' }>,
  output: Output,
): Promise<number> {
  const topic = resolveDeadLetterTopic(command.topic, config.KAFKA_TOPIC_PREFIX);
  const letters: DeadLetter[] =
    command.which === 'all' ? await store.all(topic) : [await store.one(topic, command.which.partition, command.which.offset)];
  const due = letters.filter((letter) => !letter.replayedAt);
  for (const letter of letters.filter((l) => l.replayedAt)) {
    output.out(`skipped dlt=${letter.ref} (replayed before, at ${letter.replayedAt})`);
  }
  const outcomes = command.dryRun ? due.map((letter) => ({ letter })) : await store.replay(due);
  for (const outcome of outcomes) output.out(describeReplay(outcome, command.dryRun));
  output.out(
    `${command.dryRun ? 'would replay' : 'replayed'} ${outcomes.length}, skipped ${letters.length - due.length} replayed before`,
  );
  return EXIT.ok;
}

/** Broker trouble in one line, naming where the tool looked. */
function kafkaProblem(error: unknown, env: Record<string, string | undefined>): string {
  const message = error instanceof Error ? error.message : String(error);
  return `Kafka at ${env['KAFKA_BROKERS'] ?? '127.0.0.1:9092'} failed: ${message}`;
}
