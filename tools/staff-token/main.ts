import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signStaffToken } from '@akimat/service-kit';
import { demoStaff } from './demo-staff';

const USAGE = `npm run staff-token -- <login> [--hours N]   prints a signed staff token for a demo person
npm run staff-token -- list                     lists the demo staff: login, roles, unit, name
npm run staff-token -- list --json              the same as JSON (the console's demo sign-in reads it)`;

const PRIVATE_KEY = join(__dirname, '../../.infra/auth/private.pem');

function main(args: string[]): number {
  const staff = demoStaff();
  if (args[0] === 'list' && args[1] === '--json') {
    console.log(JSON.stringify(staff, null, 2));
    return 0;
  }
  if (args[0] === 'list') {
    for (const person of staff) {
      console.log(
        `${person.login.padEnd(28)} ${person.roles.join(',').padEnd(16)} ${(person.unit ?? '').padEnd(28)} ${person.name}`,
      );
    }
    return 0;
  }
  const person = staff.find((candidate) => candidate.login === args[0]);
  if (!person) {
    console.error(args[0] ? `no demo staff "${args[0]}"; see: npm run staff-token -- list` : USAGE);
    return 2;
  }
  const hoursAt = args.indexOf('--hours');
  const hours = hoursAt >= 0 ? Number(args[hoursAt + 1]) : 8;
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 30) {
    console.error('--hours must be a number of hours between 0 and 720');
    return 2;
  }
  if (!existsSync(PRIVATE_KEY)) {
    console.error(`no demo signing key at ${PRIVATE_KEY}: run \`npm start\` (or node scripts/demo-auth-keys.js) first`);
    return 1;
  }
  const claims = { ...person, login: undefined };
  console.log(
    signStaffToken(claims, { privateKeyPem: readFileSync(PRIVATE_KEY, 'utf8'), expiresIn: Math.round(hours * 3600) }),
  );
  return 0;
}

process.exitCode = main(process.argv.slice(2));
