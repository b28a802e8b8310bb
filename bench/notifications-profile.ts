import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

/**
 * BENCH_CPU_PROFILE=<dir>: a CPU profile of one bench phase, written as <dir>/<name>.cpuprofile
 * (open it in Chrome DevTools or speedscope). Without the variable, `work` runs unprofiled.
 */
export async function profiled<T>(name: string, work: () => Promise<T>): Promise<T> {
  const directory = process.env['BENCH_CPU_PROFILE'];
  if (!directory) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(join(directory, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}
