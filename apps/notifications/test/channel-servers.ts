import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  deliveryId: string;
  raw: string;
}

/** A real SMTP server on a free port that keeps every message it accepts. */
export async function startSmtpServer() {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({
          to: session.envelope.rcptTo.map((address) => address.address),
          deliveryId: /^X-Delivery-Id: (.+)$/im.exec(raw)?.[1].trim() ?? '',
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    to: (address: string) => received.filter((mail) => mail.to.includes(address)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type SmtpServer = Awaited<ReturnType<typeof startSmtpServer>>;

export interface ReceivedSms {
  to: string;
  text: string;
  authorization?: string;
}

/** A real HTTP SMS gateway: records `{to, text}`; can answer 503 to chosen numbers, or go down and come back. */
export async function startSmsGateway() {
  const received: ReceivedSms[] = [];
  const refusals = new Map<string, number>();
  let requests = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests++;
      const message = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReceivedSms;
      const left = refusals.get(message.to) ?? 0;
      if (left > 0) {
        refusals.set(message.to, left - 1);
        response.writeHead(503).end('down');
        return;
      }
      received.push({ ...message, authorization: request.headers.authorization });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"accepted"}');
    });
  });
  const listen = (port: number) => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  await listen(0);
  const port = (server.address() as AddressInfo).port;
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return {
    url: `http://127.0.0.1:${port}/sms`,
    received,
    requests: () => requests,
    to: (phone: string) => received.filter((sms) => sms.to === phone),
    /** The next `times` requests for this number get 503 (Infinity: always). */
    refuse: (phone: string, times: number) => refusals.set(phone, times),
    /** The gateway goes away: connections are refused until `up()`. */
    down: stop,
    /** Back on the same address. */
    up: () => listen(port),
    close: stop,
  };
}
export type SmsGateway = Awaited<ReturnType<typeof startSmsGateway>>;
