import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppealExtendedV1, AppealOutsideCompetenceV1, AppealReopenedV1, Deadline } from '@akimat/contracts';
import { clockedAssignment } from './clocked-assignment';
import {
  ANSWER_KINDS,
  AnswerKind,
  ClockSettings,
  deadlinesOf,
  planAnswerClocks,
  planAppealClocks,
  planTerm,
  ROUTED_KINDS,
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

  /**
   * Restarts the still-open answer terms from `from` (a reassignment, when configured so). Forwarding
   * and the extension notice run on: the law counts them from receipt and from the extension.
   */
  async restart(manager: EntityManager, appealId: string, from: Date): Promise<Deadline[]> {
    const open = (await this.clocks.openKinds(manager, appealId)).filter((kind) => ROUTED_KINDS.includes(kind));
    await this.clocks.cancel(manager, appealId, open);
    await this.clocks.start(manager, appealId, planAnswerClocks(from, this.settings, new Date(), open));
    return this.clocks.openDeadlines(manager, appealId);
  }

  /** The answer (or the end of the appeal's road here) came: its clocks stop — by default every kind. */
  stop(manager: EntityManager, appealId: string, kinds: readonly AnswerKind[] = ANSWER_KINDS): Promise<void> {
    return this.clocks.cancel(manager, appealId, kinds);
  }

  /**
   * The full answer's due time moved; its reminders count over the extension (extendedAt → newDueAt).
   * The resident must be told of it: the extension-notice term starts, until `appeal.extension_notified`.
   */
  async extend(manager: EntityManager, data: AppealExtendedV1): Promise<void> {
    if (!(await clockedAssignment(manager, data.appealId))) return;
    const extendedAt = new Date(data.extendedAt);
    const now = new Date();
    await this.clocks.cancel(manager, data.appealId, ['full_answer']);
    await this.clocks.start(manager, data.appealId, [
      ...planTerm('full_answer', extendedAt, new Date(data.newDueAt), this.settings, now),
      ...planAnswerClocks(extendedAt, this.settings, now, ['extension_notice']),
    ]);
  }

  /**
   * Outside the akimat's competence: the forwarding term runs from registration, as the law counts
   * from receipt (a decision taken late may be overdue at once), until `appeal.forwarded`.
   */
  async startForwarding(manager: EntityManager, data: AppealOutsideCompetenceV1): Promise<void> {
    const assignment = await clockedAssignment(manager, data.appealId);
    if (!assignment) return;
    const planned = planAnswerClocks(assignment.registeredAt, this.settings, new Date(), ['forwarding']);
    await this.clocks.start(manager, data.appealId, planned);
  }

  /** "Not resolved": a new full-answer term from the reopening. */
  async reopen(manager: EntityManager, data: AppealReopenedV1): Promise<void> {
    if (!(await clockedAssignment(manager, data.appealId))) return;
    await this.clocks.cancel(manager, data.appealId, ['full_answer']);
    const planned = planAnswerClocks(new Date(data.reopenedAt), this.settings, new Date(), ['full_answer']);
    await this.clocks.start(manager, data.appealId, planned);
  }
}
