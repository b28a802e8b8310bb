import { parseCommand, resolveDeadLetterTopic, runDlt } from './dlt-command';

async function run(...argv: string[]) {
  const err: string[] = [];
  const code = await runDlt(argv, { KAFKA_BROKERS: '127.0.0.1:9092' }, { out: () => undefined, err: (line) => err.push(line) });
  return { code, err: err.join('\n') };
}

describe('dlt command line', () => {
  it('reads list and replay options', () => {
    expect(parseCommand(['list'])).toEqual({ name: 'list', topic: undefined, limit: 50, showPayload: false });
    expect(parseCommand(['list', '--topic', 't', '--limit', '5', '--show-payload'])).toMatchObject({ limit: 5, showPayload: true });
    expect(parseCommand(['replay', '--topic', 't', '--offset', '2:17'])).toMatchObject({ which: { partition: 2, offset: '17' }, dryRun: false });
    expect(parseCommand(['replay', '--topic', 't', '--partition', '1', '--offset', '3', '--dry-run'])).toMatchObject({
      which: { partition: 1, offset: '3' },
      dryRun: true,
    });
    expect(parseCommand(['replay', '--topic', 't', '--all'])).toMatchObject({ which: 'all' });
    expect(parseCommand([])).toEqual({ name: 'help' });
  });

  it.each([
    [['purge'], 'unknown command "purge"'],
    [['list', '--limit', 'ten'], '--limit must be a whole number'],
    [['list', '--colour'], "Unknown option '--colour'"],
    [['replay', '--all'], 'replay needs --topic'],
    [['replay', '--topic', 't'], 'exactly one of --offset P:O or --all'],
    [['replay', '--topic', 't', '--all', '--offset', '1:2'], 'exactly one of --offset P:O or --all'],
    [['replay', '--topic', 't', '--offset', '17'], 'say which partition'],
    [['replay', '--topic', 't', '--offset', '1:-3'], 'offset must be a whole number'],
  ])('%j is a usage error: %s', async (argv, message) => {
    const { code, err } = await run(...argv);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('stops on bad configuration before touching Kafka', async () => {
    const err: string[] = [];
    const code = await runDlt(['list'], { KAFKA_BROKERS: 'no port' }, { out: () => undefined, err: (line) => err.push(line) });
    expect(code).toBe(2);
    expect(err.join('\n')).toContain('KAFKA_BROKERS: must be host:port');
  });

  it('accepts a topic or its dead-letter twin, and prefixes it', () => {
    expect(resolveDeadLetterTopic('akimat.appeals.events.v1', 'e2e.')).toBe('e2e.akimat.appeals.events.v1.dlt');
    expect(resolveDeadLetterTopic('akimat.routing.events.v1.dlt', '')).toBe('akimat.routing.events.v1.dlt');
    expect(resolveDeadLetterTopic('e2e.akimat.routing.events.v1.dlt', 'e2e.')).toBe('e2e.akimat.routing.events.v1.dlt');
    expect(() => resolveDeadLetterTopic('akimat.stats.v1', '')).toThrow('unknown topic "akimat.stats.v1"');
  });
});
