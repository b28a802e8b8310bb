import { z } from 'zod';
import { APPEAL_REGISTERED, appealRegisteredV1 } from './appeal-registered.event';
import { APPEAL_ROUTED, appealRoutedV1 } from './appeal-routed.event';
import { TOPICS, TopicName } from '../topics';

/**
 * Every event type, per version: its data schema and its topic. A consumer accepts every
 * version listed here, so an incompatible change adds a version beside the old one.
 */
export const EVENT_CATALOG = {
  [APPEAL_REGISTERED]: { topic: TOPICS.appealEvents, versions: { 1: appealRegisteredV1 } },
  [APPEAL_ROUTED]: { topic: TOPICS.routingEvents, versions: { 1: appealRoutedV1 } },
} as const satisfies Record<string, { topic: TopicName; versions: Record<number, z.ZodType> }>;

export type EventType = keyof typeof EVENT_CATALOG;

type Catalog = typeof EVENT_CATALOG;
type LatestVersion<T extends EventType> = Extract<keyof Catalog[T]['versions'], number>;

/** The data of an event type at a version (the newest one by default). */
export type EventData<T extends EventType, V extends LatestVersion<T> = LatestVersion<T>> = z.infer<
  Catalog[T]['versions'][V]
>;

export function isKnownEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_CATALOG, type);
}

export function topicOf(type: EventType): TopicName {
  return EVENT_CATALOG[type].topic;
}
