import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { clockJobId, DEADLINE_QUEUE, fireJob, ScheduledClock } from './clock-job';

const BULK = 1_000;
/** How long an event handler waits for Redis before leaving the jobs to the reconciler. */
const HANDLER_WAIT_MS = 2_000;

/** The Redis side of the clocks: one delayed BullMQ job per pending clock row. */
@Injectable()
export class ClockScheduler {
  private readonly logger = new Logger(ClockScheduler.name);

  constructor(@InjectQueue(DEADLINE_QUEUE) readonly queue: Queue) {}

  /** Adds each clock's job; an id that exists already is left as it is. */
  async schedule(clocks: readonly ScheduledClock[]): Promise<void> {
    const now = Date.now();
    for (let i = 0; i < clocks.length; i += BULK) {
      await this.queue.addBulk(clocks.slice(i, i + BULK).map((clock) => fireJob(clock, now)));
    }
  }

  /**
   * `schedule` for event handlers: a Redis that is down or slow must not hold up or dead-letter
   * routing. The rows are committed regardless, and the reconciler adds every pending clock's job
   * before it is due (its short-horizon pass runs every tick, whatever happened to Redis).
   */
  trySchedule(clocks: readonly ScheduledClock[]): Promise<void> {
    return this.bestEffort('clock jobs left to the reconciler', clocks.length, this.schedule(clocks));
  }

  /**
   * Removes jobs of clocks that will not fire. Best effort: a job left behind finds its row
   * cancelled when it fires and does nothing.
   */
  unschedule(clocks: readonly ScheduledClock[]): Promise<void> {
    const removals = Promise.all(clocks.map((clock) => this.queue.remove(clockJobId(clock))));
    return this.bestEffort('cancelled clock jobs not removed', clocks.length, removals);
  }

  private async bestEffort(failure: string, clocks: number, work: Promise<unknown>): Promise<void> {
    if (clocks === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${HANDLER_WAIT_MS} ms`)), HANDLER_WAIT_MS);
    });
    try {
      await Promise.race([work, timeout]);
    } catch (error) {
      this.logger.warn({ msg: failure, clocks, error: (error as Error).message });
    } finally {
      clearTimeout(timer);
    }
  }
}
