import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const INFRA_SCRIPT = join(__dirname, '..', '..', '..', '..', 'scripts', 'infra.sh');

/** Stops the local broker (scripts/infra.sh down) so a test can show what an outage does. */
export function stopKafkaBroker(): void {
  execFileSync('bash', [INFRA_SCRIPT, 'down'], { stdio: 'pipe' });
}

/** Starts it again and waits until it answers. */
export function startKafkaBroker(): void {
  execFileSync('bash', [INFRA_SCRIPT, 'up'], { stdio: 'pipe' });
}
