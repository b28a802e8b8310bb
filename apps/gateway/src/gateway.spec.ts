import { generateKeyPairSync } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import request from 'supertest';
import { createGateway } from './gateway';
import { gatewayEnvSchema } from './gateway.config';

interface Seen {
  method?: string;
  url?: string;
  headers?: IncomingHttpHeaders;
  body?: string;
}

/** A stand-in service that records what reached it (the gateway is what is under test here). */
async function recordingService(): Promise<{ server: Server; url: string; seen: Seen }> {
  const seen: Seen = {};
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      Object.assign(seen, { method: req.method, url: req.url, headers: req.headers, body });
      res.writeHead(201, { 'content-type': 'application/json' }).end('{"registrationNumber":"MAH-2026-000001"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe('gateway', () => {
  const consoleDir = mkdtempSync(join(tmpdir(), 'console-'));
  // Over compression's 1 KB threshold, like the real index.html with its preload links.
  writeFileSync(
    join(consoleDir, 'index.html'),
    `<!doctype html><div id="root"></div>${'<!-- padding -->'.repeat(100)}`,
  );
  const keyFile = join(consoleDir, 'demo-private.pem');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
  const staffFile = join(consoleDir, 'demo-staff.json');
  writeFileSync(staffFile, JSON.stringify([{ login: 'akim', sub: 'demo:akim', name: 'Аудан әкімі', roles: ['akim'] }]));
  let appeals: Awaited<ReturnType<typeof recordingService>>;
  const gatewayWith = (env: Record<string, string>) =>
    createGateway(gatewayEnvSchema.parse({ CONSOLE_DIR: consoleDir, ...env }), pino({ level: 'silent' }));

  beforeAll(async () => {
    appeals = await recordingService();
  });
  afterAll(() => appeals.server.close());

  it('forwards /svc/appeals/… to the appeals service with path, body, token and correlation id', async () => {
    const gateway = gatewayWith({ APPEALS_URL: appeals.url });
    const response = await request(gateway)
      .post('/svc/appeals/api/v1/appeals?x=1')
      .set('authorization', 'Bearer t')
      .set('idempotency-key', 'k-1')
      .send({ text: 'Сәлем, әкімдік' })
      .expect(201);
    expect(response.body).toEqual({ registrationNumber: 'MAH-2026-000001' });
    expect(appeals.seen).toMatchObject({ method: 'POST', url: '/api/v1/appeals?x=1' });
    expect(JSON.parse(String(appeals.seen.body))).toEqual({ text: 'Сәлем, әкімдік' });
    expect(appeals.seen.headers).toMatchObject({ authorization: 'Bearer t', 'idempotency-key': 'k-1' });
    expect(appeals.seen.headers?.['x-correlation-id']).toBe(response.headers['x-correlation-id']);
    expect(appeals.seen.headers?.['x-forwarded-for']).toMatch(/127\.0\.0\.1/);
  });

  it('answers 502 with a reason when a service is down, not a hung request', async () => {
    const gateway = gatewayWith({ STATS_URL: 'http://127.0.0.1:9' });
    const response = await request(gateway).get('/svc/stats/api/v1/stats/summary').expect(502);
    expect(response.body).toMatchObject({ statusCode: 502, message: 'stats is not answering; try again' });
  });

  it('serves the console for client-side routes with security headers, and 404s unknown services', async () => {
    const gateway = gatewayWith({});
    const page = await request(gateway).get('/inbox/123').set('accept-encoding', 'gzip').expect(200);
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(page.text).toContain('<div id="root">');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    await request(gateway).get('/svc/payments/anything').expect(404);
    await request(gateway).get('/health/ready').expect(200);
    await request(gatewayWith({ CONSOLE_DIR: join(consoleDir, 'not-built') }))
      .get('/health/ready')
      .expect(503);
    // Only the public API goes through: metrics, health and API docs stay inside.
    const withAppeals = gatewayWith({ APPEALS_URL: appeals.url });
    for (const inside of ['/svc/appeals/metrics', '/svc/appeals/health/ready', '/svc/appeals/api/docs']) {
      await request(withAppeals).get(inside).expect(404);
    }
  });

  it('offers demo sign-in only with the demo key, and signs tokens only for the demo staff', async () => {
    await request(gatewayWith({})).get('/auth/demo/staff').expect(404);
    expect(() => gatewayWith({ DEMO_SIGNING_KEY_FILE: keyFile })).toThrow(/go together/);
    const gateway = gatewayWith({ DEMO_SIGNING_KEY_FILE: keyFile, DEMO_STAFF_FILE: staffFile });
    const staff = await request(gateway).get('/auth/demo/staff').expect(200);
    expect(staff.body).toEqual([{ login: 'akim', name: 'Аудан әкімі', roles: ['akim'] }]);
    const signed = await request(gateway).post('/auth/demo/token').send({ login: 'akim' }).expect(200);
    const claims = JSON.parse(Buffer.from(signed.body.token.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ sub: 'demo:akim', roles: ['akim'], iss: 'akimat-demo-idp', aud: 'akimat' });
    const refused = await request(gateway).post('/auth/demo/token').send({ login: 'root' }).expect(400);
    expect(refused.body.violations).toEqual([expect.objectContaining({ field: 'login', rule: 'isDemoStaff' })]);
  });
});
