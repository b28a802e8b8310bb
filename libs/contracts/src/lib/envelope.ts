import { z } from 'zod';

/** The envelope every event travels in; `data` is validated by the event type's own schema. */
export const envelopeSchema = z.object({
  id: z.uuid(),
  type: z.string().regex(/^[a-z]+(\.[a-z_]+)+$/, 'must look like "appeal.registered"'),
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime({ offset: false }),
  producer: z.string().min(1),
  correlationId: z.string().min(1).max(128),
  /** What the event is about (an appeal id, a visit id, a unit code); also the Kafka key. */
  subject: z.string().min(1).max(100),
  data: z.unknown(),
});

export type Envelope<TType extends string = string, TData = unknown> = Omit<
  z.infer<typeof envelopeSchema>,
  'type' | 'data'
> & { type: TType; data: TData };
