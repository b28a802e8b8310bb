import { z } from 'zod';
import { categoryCodeSchema, channelSchema } from '@akimat/contracts';

const phrase = z.string().trim().min(2).max(100);

/** A rule's conditions as the seed file writes them: each list optional, empty means "any". */
export const ruleConditionsSchema = z.object({
  categories: z.array(categoryCodeSchema).max(50).default([]),
  localities: z.array(phrase).max(50).default([]),
  keywords: z.array(phrase).max(100).default([]),
  channels: z.array(channelSchema).max(4).default([]),
});
