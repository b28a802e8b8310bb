import pino from 'pino';
import { createGateway } from './gateway';
import { gatewayEnvSchema } from './gateway.config';

function main(): void {
  const parsed = gatewayEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    process.stderr.write(`${JSON.stringify({ level: 'fatal', service: 'gateway', msg: reasons })}\n`);
    process.exit(1);
  }
  const config = parsed.data;
  const log = pino({ level: config.LOG_LEVEL, base: { service: 'gateway' } });
  const server = createGateway(config, log).listen(config.HTTP_PORT, () => {
    log.info({ msg: 'gateway listening', port: config.HTTP_PORT, console: config.CONSOLE_DIR });
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      log.info({ msg: 'gateway stopping', signal });
      server.close(() => process.exit(0));
      server.closeIdleConnections();
      setTimeout(() => process.exit(0), 5_000).unref();
    });
  }
}

main();
