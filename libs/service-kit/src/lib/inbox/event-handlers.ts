import { EntityManager } from 'typeorm';
import { KnownEnvelope } from '@akimat/contracts';

type EventOf<T extends KnownEnvelope['type']> = Extract<KnownEnvelope, { type: T }>;

/**
 * The effects a service applies, per event type. Each runs inside the transaction that also
 * records the event id, so it must do all its writes through the given manager.
 */
export type EventHandlers = {
  [T in KnownEnvelope['type']]?: (event: EventOf<T>, manager: EntityManager) => Promise<void>;
};

/**
 * A set-based effect: applies many events (a Kafka batch's new ones, in delivery order) in the
 * transaction that records their ids, with all its writes through the given manager.
 */
export type EventsHandler = (events: KnownEnvelope[], manager: EntityManager) => Promise<void>;

/** A failure that retrying cannot fix (the event contradicts the service's state). */
export class PermanentEventError extends Error {
  override readonly name = 'PermanentEventError';
}
