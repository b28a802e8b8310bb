/** OutboxService notifies this channel in the writing transaction; PostgreSQL delivers it on commit to the relay. */
export const OUTBOX_CHANNEL = 'outbox_events';
