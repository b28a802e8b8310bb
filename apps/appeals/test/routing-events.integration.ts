import { randomUUID } from 'node:crypto';
import { buildEnvelope, deadLetterTopic, Deadline, physicalTopic, TOPICS, UnitRef } from '@akimat/contracts';
import { KafkaProbe, processedEvents, waitFor } from '@akimat/testing';
import { hours, routedEvent, startAppeals } from './appeals-test-kit';

type Registered = { id: string; registrationNumber: string };

const unit = (code: string): UnitRef => ({ code, nameKk: `${code} бөлімі`, nameRu: `Отдел ${code}` });
const head = { name: 'Гүлнар Сапарова', language: 'kk' as const };
const by = { producer: 'routing', correlationId: 'it-routing-events' };

const reassigned = (appeal: Registered, from: string, to: string, deadlines: Deadline[] = []) =>
  buildEnvelope(
    'appeal.reassigned',
    {
      appealId: appeal.id,
      registrationNumber: appeal.registrationNumber,
      category: 'housing',
      reassignedAt: new Date(Date.now() + 1_000).toISOString(),
      fromUnit: unit(from),
      unit: unit(to),
      head,
      reason: 'Бұл біздің бөлімнің ісі емес',
      reassignedBy: { name: 'Аппарат басшысы' },
      deadlines,
    },
    { ...by, subject: appeal.id },
  );

describe('appeals: routing decisions onto the cards (real PostgreSQL and Kafka)', () => {
  const routingTopic = physicalTopic(TOPICS.routingEvents);
  const deadLetters = new KafkaProbe();
  let appeals: Awaited<ReturnType<typeof startAppeals>>;

  beforeAll(async () => {
    appeals = await startAppeals();
    await deadLetters.record([deadLetterTopic(routingTopic)]);
  });

  afterAll(async () => {
    await deadLetters.close();
    await appeals?.close();
  });

  const card = async (id: string) => (await appeals.http().get(`/api/v1/appeals/${id}`).expect(200)).body;

  const recorded = (events: { id: string }[]) => processedEvents(appeals.service.databaseUrl, events);

  it('applies routed and reassigned events fetched together in one transaction, in delivery order', async () => {
    const [first, second, third] = [await appeals.register(), await appeals.register(), await appeals.register()];
    const clocks: Deadline[] = [
      { kind: 'brief_answer', dueAt: hours(72) },
      { kind: 'full_answer', dueAt: hours(360) },
    ];
    const later: Deadline[] = [{ kind: 'full_answer', dueAt: hours(500) }];
    const reminder = buildEnvelope(
      'appeal.deadline_approaching',
      {
        appealId: second.id,
        registrationNumber: second.registrationNumber,
        category: 'housing',
        unit: unit('housing-inspection'),
        head,
        deadline: 'brief_answer',
        dueAt: hours(72),
        reminder: '50%',
      },
      { ...by, subject: second.id },
    );
    const applied = [
      routedEvent(first, 'housing-inspection', clocks),
      routedEvent(second, 'education'),
      reassigned(first, 'housing-inspection', 'land-relations'),
      routedEvent(third, 'agriculture', clocks),
      reassigned(third, 'agriculture', 'education', later),
    ];
    // One request to one partition: the service fetches them as one batch, in this order.
    await appeals.probe.produceAll(
      routingTopic,
      [...applied.slice(0, 3), reminder, ...applied.slice(3)].map((value) => ({ value, key: 'one-partition' })),
    );

    const thirdCard = await waitFor('the third card reassigned', async () => {
      const body = await card(third.id);
      return body.assignment?.unitCode === 'education' ? body : undefined;
    });
    // The reassignment restarted the clocks: its deadlines replace routing's.
    expect(thirdCard.status).toBe('assigned');
    expect(thirdCard.deadlines).toEqual(later);
    expect(thirdCard.nextDueAt).toBe(new Date(later[0].dueAt).toISOString());

    const firstCard = await card(first.id);
    // Reassigned after routed: the later unit wins; the reassignment kept routing's clocks.
    expect(firstCard.assignment).toMatchObject({ unitCode: 'land-relations', reason: 'Бұл біздің бөлімнің ісі емес' });
    expect(firstCard.status).toBe('assigned');
    expect(firstCard.deadlines).toEqual(clocks);
    expect(firstCard.nextDueAt).toBe(new Date(clocks[0].dueAt).toISOString());
    expect(firstCard.timeline.map((entry: { kind: string }) => entry.kind)).toEqual([
      'registered',
      'routed',
      'reassigned',
    ]);

    const secondCard = await card(second.id);
    expect(secondCard.assignment.unitCode).toBe('education');
    expect(secondCard.nextDueAt).toBeNull();

    // Each applied event recorded once, all by one transaction; the reminder is not this consumer's business.
    const rows = await recorded([...applied, reminder]);
    expect(rows.map((row) => row.event_id).sort()).toEqual(applied.map((event) => event.id).sort());
    expect(new Set(rows.map((row) => row.xmin)).size).toBe(1);
  });

  it('dead-letters the event for an unknown appeal and still applies those fetched with it', async () => {
    const appeal = await appeals.register();
    const unknown = routedEvent({ id: randomUUID(), registrationNumber: 'MAH-2026-999999' }, 'education');
    const known = routedEvent(appeal, 'agriculture');
    await appeals.probe.produceAll(routingTopic, [
      { value: unknown, key: 'one-partition' },
      { value: known, key: 'one-partition' },
    ]);

    await waitFor('the known card routed', async () => ((await card(appeal.id)).assignment ? true : undefined));
    const deadLetter = await waitFor('the event for an unknown appeal on the dead-letter topic', () =>
      deadLetters.on(deadLetterTopic(routingTopic)).find((message) => message.value?.includes(unknown.id)),
    );
    expect(deadLetter.headers['dlt-failure']).toBe('rejected');
    expect(
      deadLetters.on(deadLetterTopic(routingTopic)).filter((message) => message.value?.includes(known.id)),
    ).toEqual([]);
    expect((await recorded([unknown, known])).map((row) => row.event_id)).toEqual([known.id]);
  });

  it('applies an event delivered again once: the card and its timeline do not change', async () => {
    const appeal = await appeals.register();
    const event = routedEvent(appeal, 'housing-inspection');
    await appeals.probe.produceAll(routingTopic, [
      { value: event, key: appeal.id },
      { value: event, key: appeal.id },
    ]);
    await waitFor('the card routed', async () => ((await card(appeal.id)).assignment ? true : undefined));
    const marker = routedEvent(appeal, 'education');
    await appeals.probe.produce(routingTopic, { ...marker, id: event.id }, appeal.id);
    await appeals.probe.produce(routingTopic, reassigned(appeal, 'housing-inspection', 'agriculture'), appeal.id);
    const body = await waitFor('the later reassignment applied', async () => {
      const current = await card(appeal.id);
      return current.assignment.unitCode === 'agriculture' ? current : undefined;
    });
    expect(body.timeline.map((entry: { kind: string }) => entry.kind)).toEqual(['registered', 'routed', 'reassigned']);
  });
});
