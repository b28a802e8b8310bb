import { z } from 'zod';
import {
  APPEAL_DEADLINE_APPROACHING,
  APPEAL_DEADLINE_MISSED,
  appealDeadlineApproachingV1,
  appealDeadlineMissedV1,
} from './appeal-deadline.events';
import {
  APPEAL_BRIEF_ANSWERED,
  APPEAL_CLOSED,
  APPEAL_EXTENDED,
  APPEAL_EXTENSION_NOTIFIED,
  APPEAL_FEEDBACK_GIVEN,
  APPEAL_FORWARDED,
  APPEAL_FULL_ANSWERED,
  APPEAL_OUTSIDE_COMPETENCE,
  APPEAL_REOPENED,
  appealBriefAnsweredV1,
  appealClosedV1,
  appealExtendedV1,
  appealExtensionNotifiedV1,
  appealFeedbackGivenV1,
  appealForwardedV1,
  appealFullAnsweredV1,
  appealOutsideCompetenceV1,
  appealReopenedV1,
} from './appeal-lifecycle.events';
import { APPEAL_REGISTERED, appealRegisteredV1 } from './appeal-registered.event';
import { APPEAL_REASSIGNED, APPEAL_ROUTED, appealReassignedV1, appealRoutedV1 } from './appeal-routed.event';
import { DIRECTORY_UNIT_CHANGED, directoryUnitChangedV1 } from './directory.events';
import { SERVICE_RENDERED, serviceRenderedV1 } from './service-rendered.event';
import { TOPICS, TopicName } from '../topics';

/**
 * Every event type, per version: its data schema and its topic. A consumer accepts every
 * version listed here, so an incompatible change adds a version beside the old one.
 */
export const EVENT_CATALOG = {
  [APPEAL_REGISTERED]: { topic: TOPICS.appealEvents, versions: { 1: appealRegisteredV1 } },
  [APPEAL_BRIEF_ANSWERED]: { topic: TOPICS.appealEvents, versions: { 1: appealBriefAnsweredV1 } },
  [APPEAL_FULL_ANSWERED]: { topic: TOPICS.appealEvents, versions: { 1: appealFullAnsweredV1 } },
  [APPEAL_EXTENDED]: { topic: TOPICS.appealEvents, versions: { 1: appealExtendedV1 } },
  [APPEAL_EXTENSION_NOTIFIED]: { topic: TOPICS.appealEvents, versions: { 1: appealExtensionNotifiedV1 } },
  [APPEAL_OUTSIDE_COMPETENCE]: { topic: TOPICS.appealEvents, versions: { 1: appealOutsideCompetenceV1 } },
  [APPEAL_FORWARDED]: { topic: TOPICS.appealEvents, versions: { 1: appealForwardedV1 } },
  [APPEAL_REOPENED]: { topic: TOPICS.appealEvents, versions: { 1: appealReopenedV1 } },
  [APPEAL_CLOSED]: { topic: TOPICS.appealEvents, versions: { 1: appealClosedV1 } },
  [APPEAL_FEEDBACK_GIVEN]: { topic: TOPICS.appealEvents, versions: { 1: appealFeedbackGivenV1 } },
  [SERVICE_RENDERED]: { topic: TOPICS.appealEvents, versions: { 1: serviceRenderedV1 } },
  [APPEAL_ROUTED]: { topic: TOPICS.routingEvents, versions: { 1: appealRoutedV1 } },
  [APPEAL_REASSIGNED]: { topic: TOPICS.routingEvents, versions: { 1: appealReassignedV1 } },
  [APPEAL_DEADLINE_APPROACHING]: { topic: TOPICS.routingEvents, versions: { 1: appealDeadlineApproachingV1 } },
  [APPEAL_DEADLINE_MISSED]: { topic: TOPICS.routingEvents, versions: { 1: appealDeadlineMissedV1 } },
  [DIRECTORY_UNIT_CHANGED]: { topic: TOPICS.routingEvents, versions: { 1: directoryUnitChangedV1 } },
} as const satisfies Record<string, { topic: TopicName; versions: Record<number, z.ZodType> }>;

export type EventType = keyof typeof EVENT_CATALOG;

type Catalog = typeof EVENT_CATALOG;
type LatestVersion<T extends EventType> = Extract<keyof Catalog[T]['versions'], number>;

/** The data of an event type at a version (the newest one by default). */
export type EventData<T extends EventType, V extends LatestVersion<T> = LatestVersion<T>> = z.infer<
  Catalog[T]['versions'][V]
>;

/** What a producer passes for an event type: defaults (e.g. empty `deadlines`) may be left out. */
export type EventInput<T extends EventType, V extends LatestVersion<T> = LatestVersion<T>> = z.input<
  Catalog[T]['versions'][V]
>;

export function isKnownEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_CATALOG, type);
}

export function topicOf(type: EventType): TopicName {
  return EVENT_CATALOG[type].topic;
}
