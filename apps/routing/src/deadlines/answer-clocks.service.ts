import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppealExtendedV1, AppealReopenedV1, Deadline } from '@akimat/contracts';
import { AssignmentEntity } from '../assignments/assignment.entity';
import {
  ANSWER_KINDS,
  AnswerKind,
  ClockSettings,
  deadlinesOf,
  planAnswerClocks,
  planAppealClocks,
  planTerm,
} from './clock-plan';
import { CLOCK_SETTINGS } from './clock-settings';
import { DeadlineClocks } from './deadline-clocks.service';

/** A newly routed appeal, as its clocks need it. */
export interface RoutedAppeal {
  appealId: string;
  answerRequired: boolean;
  deadlinesFrom: Date;
}

/** What happens to an appeal's clocks as it is routed, answered, extended, moved or reopened. */
@Injectable()
export class AnswerClocks {
  private readonly logger = new Logger(AnswerClocks.name);

  constructor(
    private readonly clocks: DeadlineClocks,
    @Inject(CLOCK_SETTINGS) private readonly settings: ClockSettings,
  ) {}

  /**
   * Starts the brief- and full-answer clocks of newly routed appeals (none when no answer is
   * required) and returns each appeal's due times. A newly routed appeal has no clocks yet, so its
   * due times are the planned ones.
   */
  async startOnRouting(manager: EntityManager, appeals: readonly RoutedAppeal[]): Promise<Map<string, Deadline[]>> {
    const now = new Date();
    const planned = appeals.map((appeal) => ({
      appealId: appeal.appealId,
      clocks: planAppealClocks(appeal, this.settings, now),
    }));
    await this.clocks.startAll(manager, planned);
    return new Map(planned.map(({ appealId, clocks }) => [appealId, deadlinesOf(clocks)]));
  }

  /** The due times still running, as `appeal.reassigned` carries them when clocks run on. */
  openDeadlines(manager: EntityManager, appealId: string): Promise<Deadline[]> {
    return this.clocks.openDeadlines(manager, appealId);
  }

  /** Restarts the still-open clocks from `from` (a reassignment, when configured so). */
  async restart(manager: EntityManager, appealId: string, from: Date): Promise<Deadline[]> {
    const open = await this.clocks.openKinds(manager, appealId);
    await this.clocks.cancel(manager, appealId, open);
    await this.clocks.start(manager, appealId, planAnswerClocks(from, this.settings, new Date(), open));
    return this.clocks.openDeadlines(manager, appealId);
  }

  /** The answer (or the end of the appeal's road here) came: its clocks stop. */
  stop(manager: EntityManager, appealId: string, kinds: readonly AnswerKind[] = ANSWER_KINDS): Promise<void> {
    return this.clocks.cancel(manager, appealId, kinds);
  }

  /** The full answer's due time moved; its reminders count over the extension (extendedAt → newDueAt). */
  async extend(manager: EntityManager, data: AppealExtendedV1): Promise<void> {
    if (!(await this.answerRequired(manager, data.appealId))) return;
    await this.clocks.cancel(manager, data.appealId, ['full_answer']);
    const planned = planTerm(
      'full_answer',
      new Date(data.extendedAt),
      new Date(data.newDueAt),
      this.settings,
      new Date(),
    );
    await this.clocks.start(manager, data.appealId, planned);
  }

  /** "Not resolved": a new full-answer term from the reopening. */
  async reopen(manager: EntityManager, data: AppealReopenedV1): Promise<void> {
    if (!(await this.answerRequired(manager, data.appealId))) return;
    await this.clocks.cancel(manager, data.appealId, ['full_answer']);
    const planned = planAnswerClocks(new Date(data.reopenedAt), this.settings, new Date(), ['full_answer']);
    await this.clocks.start(manager, data.appealId, planned);
  }

  private async answerRequired(manager: EntityManager, appealId: string): Promise<boolean> {
    const assignment = await manager.findOneBy(AssignmentEntity, { appealId });
    if (!assignment) this.logger.warn({ msg: 'lifecycle event for an appeal routing never saw', appealId });
    return assignment?.answerRequired ?? false;
  }
}
