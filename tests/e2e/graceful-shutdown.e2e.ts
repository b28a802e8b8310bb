import { randomBytes } from 'node:crypto';
import { actingAs, queryRows, startKafkaBroker, stopKafkaBroker, testDatabaseUrl } from '@akimat/testing';
import { ServiceProcess, SERVICES, startServiceProcess } from './service-processes';

const SHUTDOWN_LIMIT_MS = 10_000;
const newPrefix = () => `e2e-stop-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}.`;

/**
 * Sends SIGTERM; resolves with how long the process took to exit and how it ended. After closing
 * everything Nest raises the signal again, so a clean shutdown ends by SIGTERM, not exit code 0;
 * the deadline's forced exit is code 1.
 */
async function terminate(service: ServiceProcess): Promise<{ ms: number; code: number | NodeJS.Signals | null }> {
  const started = performance.now();
  const code = await service.stop('SIGTERM');
  return { ms: performance.now() - started, code };
}

function appealCard(n: number) {
  return {
    resident: { fullName: `Shutdown test ${n}`, iin: '950101300016', phone: '+77011234567', language: 'kk' },
    category: 'housing',
    channel: 'reception',
    text: `Appeal ${n} sent while the service stops`,
  };
}

describe('graceful shutdown (separate processes, real Kafka and PostgreSQL)', () => {
  it('each service exits cleanly within 10 s of SIGTERM', async () => {
    const prefix = newPrefix();
    for (const name of SERVICES) {
      const service = await startServiceProcess(name, prefix);
      const { ms, code } = await terminate(service);
      expect({ name, code }).toEqual({ name, code: 'SIGTERM' });
      expect(ms).toBeLessThan(SHUTDOWN_LIMIT_MS);
    }
  });

  it('appeals answers or refuses the requests in flight, and every appeal it answered 201 is stored', async () => {
    const appeals = await startServiceProcess('appeals', newPrefix());
    const headers = { 'content-type': 'application/json', ...actingAs('Shutdown test') };
    const requests = Array.from({ length: 200 }, (_, n) =>
      fetch(`${appeals.url}/api/v1/appeals`, { method: 'POST', headers, body: JSON.stringify(appealCard(n)) })
        .then(async (response) => ({ status: response.status, body: (await response.json()) as { id?: string } }))
        .catch(() => ({ status: 0, body: {} as { id?: string } })),
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    const { ms, code } = await terminate(appeals);
    const answers = await Promise.all(requests);

    expect(code).toBe('SIGTERM');
    expect(ms).toBeLessThan(SHUTDOWN_LIMIT_MS);
    expect(answers.filter((answer) => answer.status >= 500)).toEqual([]);
    const created = answers.filter((answer) => answer.status === 201).map((answer) => answer.body.id as string);
    expect(created.length).toBeGreaterThan(0);
    const stored = await queryRows<{ n: string }>(
      testDatabaseUrl('appeals'),
      'SELECT count(*) AS n FROM appeals WHERE id = ANY($1::uuid[])',
      [created],
    );
    expect(Number(stored[0].n)).toBe(created.length);
  });

  it('services whose broker is down still exit within 10 s', async () => {
    const prefix = newPrefix();
    const appeals = await startServiceProcess('appeals', prefix);
    const routing = await startServiceProcess('routing', prefix);
    stopKafkaBroker();
    try {
      const results = await Promise.all([terminate(appeals), terminate(routing)]);
      for (const { ms } of results) expect(ms).toBeLessThan(SHUTDOWN_LIMIT_MS);
    } finally {
      startKafkaBroker();
    }
  });
});
