import request from 'supertest';
import { App } from 'supertest/types';
import { buildEnvelope, Deadline, physicalTopic, TOPICS } from '@akimat/contracts';
import { KafkaProbe, waitFor } from '@akimat/testing';

/** Plays routing's part: publishes appeal.routed and waits until the card shows it (returns the card). */
export async function routeAppeal(
  probe: KafkaProbe,
  server: App,
  appeal: { id: string; registrationNumber: string },
  deadlines: Deadline[] = [],
  unitCode = 'housing-inspection',
) {
  const event = buildEnvelope(
    'appeal.routed',
    {
      appealId: appeal.id,
      registrationNumber: appeal.registrationNumber,
      category: 'housing',
      routedAt: new Date().toISOString(),
      unit: { code: unitCode, nameKk: 'Тұрғын үй инспекциясы', nameRu: 'Жилищная инспекция' },
      head: { name: 'Гүлнар Сапарова', language: 'kk' },
      reason: 'rule "Housing" v1 matched category housing',
      deadlines,
    },
    { producer: 'routing', correlationId: 'it', subject: appeal.id },
  );
  await probe.produce(physicalTopic(TOPICS.routingEvents), event, appeal.id);
  return waitFor('the card to be assigned', async () => {
    const { body } = await request(server).get(`/api/v1/appeals/${appeal.id}`);
    return body.status === 'assigned' ? body : undefined;
  });
}
