import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/** A stand-in SMS gateway: answers 200 and remembers each message's Idempotency-Key. */
export class SmsGateway {
  /** Idempotency-Key (the delivery id) → how many times it arrived. */
  readonly received = new Map<string, number>();
  private server?: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const key = String(request.headers['idempotency-key'] ?? '');
      request.resume();
      request.on('end', () => {
        this.received.set(key, (this.received.get(key) ?? 0) + 1);
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"accepted"}');
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/sms`;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }
}
