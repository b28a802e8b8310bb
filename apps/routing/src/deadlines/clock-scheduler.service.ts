import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { clockJobId, DEADLINE_QUEUE, fireJob, ScheduledClock } from './clock-job';

const BULK = 1_000;

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
   * Removes jobs of clocks that will not fire. Best effort: a job left behind finds its row
   * cancelled when it fires and does nothing.
   */
  async unschedule(clocks: readonly ScheduledClock[]): Promise<void> {
    await Promise.all(
      clocks.map((clock) =>
        this.queue.remove(clockJobId(clock)).catch((error: Error) =>
          this.logger.warn({ msg: 'clock job not removed', jobId: clockJobId(clock), error: error.message }),
        ),
      ),
    );
  }
}
