import {
  accessPolicyOf,
  accessViolations,
  actingAs,
  asStaff,
  baseUrlOf,
  fuzzService,
  KafkaProbe,
  RunningService,
  startServiceForTest,
} from '@akimat/testing';
import { AppModule } from '../src/app/app.module';
import { appealsEnvSchema } from '../src/app/appeals-env.schema';
import { routeAppeal } from './appeals-test-kit';

const akim = actingAs('Қуаныш Ерғалиев', 'Аудан әкімі');
const card = {
  resident: {
    fullName: 'Серікова Әсел',
    iin: '950101300016',
    phone: '+77011234567',
    email: 'asel@example.kz',
    language: 'kk',
  },
  category: 'housing',
  channel: 'reception',
  text: 'Шатыр ағып тұр',
  locality: 'Бейбарыс',
};
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

/** Issue #9 bad-input suite: every HTTP endpoint of appeals, fuzzed; never a 5xx, never a crash. */
describe('appeals under hostile HTTP input (real PostgreSQL and Kafka)', () => {
  let service: RunningService;
  const probe = new KafkaProbe();
  const http = () => asStaff(service.app.getHttpServer());

  beforeAll(async () => {
    service = await startServiceForTest(
      { serviceName: 'appeals', envSchema: appealsEnvSchema, appModule: AppModule },
      { TRACKING_RATE_LIMIT_PER_MINUTE: '10000' },
    );
  });

  afterAll(async () => {
    await probe.close();
    await service?.close();
  });

  async function register() {
    const { body } = await http().post('/api/v1/appeals').set(akim).send(card).expect(201);
    return body as { id: string; registrationNumber: string; trackingCode: string };
  }

  const route = (appeal: { id: string; registrationNumber: string }) =>
    routeAppeal(probe, service.app.getHttpServer(), appeal);

  // Regressions the fuzzer found: each answered 500.
  it('refuses NUL and lone surrogates in stored text, and an e-mail the event contract refuses, with 400 naming the field', async () => {
    const nul = await http()
      .post('/api/v1/appeals')
      .set(akim)
      .send({ ...card, text: 'a\u0000b' })
      .expect(400);
    expect(nul.body.violations).toEqual([expect.objectContaining({ field: 'text', rule: 'noNullCharacter' })]);
    const session = await http()
      .post('/api/v1/reception-sessions')
      .set(akim)
      .send({ officialName: 'Әкім\u0000', officialPosition: 'akim', place: 'Зал', startsAt: inDays(1) })
      .expect(400);
    expect(session.body.violations).toEqual([
      expect.objectContaining({ field: 'officialName', rule: 'noNullCharacter' }),
    ]);
    const email = { ...card, resident: { ...card.resident, email: 'asel@😀example.kz' } };
    const refused = await http().post('/api/v1/appeals').set(akim).send(email).expect(400);
    expect(refused.body.violations).toEqual([expect.objectContaining({ field: 'resident.email', rule: 'matches' })]);

    const appeal = await register();
    await route(appeal);
    const surrogate = await http()
      .post(`/api/v1/appeals/${appeal.id}/full-answer`)
      .set(akim)
      .type('json')
      .send('{"text":"Бас тарты\\ud800лды","outcome":"satisfied"}')
      .expect(400);
    expect(surrogate.body.violations).toEqual([expect.objectContaining({ field: 'text', rule: 'wellFormedUnicode' })]);
    await http()
      .post(`/api/v1/appeals/${appeal.id}/full-answer`)
      .set(akim)
      .send({ text: 'Жөнделді 😀', outcome: 'satisfied' })
      .expect(200);
  });

  it('answers every endpoint with < 500 and a JSON reason for 4xx, and stays live', async () => {
    const registered = await register();
    const assigned = await register();
    const answered = await register();
    await route(assigned);
    await route(answered);
    await http()
      .post(`/api/v1/appeals/${answered.id}/full-answer`)
      .set(akim)
      .send({ text: 'Жөнделді', outcome: 'satisfied' })
      .expect(200);
    const session = await http()
      .post('/api/v1/reception-sessions')
      .set(akim)
      .send({ officialName: 'Қуаныш Ерғалиев', officialPosition: 'akim', place: 'Ашық әкімдік', startsAt: inDays(0) })
      .expect(201);

    const failures = await fuzzService(baseUrlOf(service.app), {
      validHeaders: { ...akim, 'x-tracking-code': answered.trackingCode },
      pathValues: {
        id: [registered.id, assigned.id, answered.id, session.body.id],
        registrationNumber: [answered.registrationNumber, registered.registrationNumber],
      },
      validQueries: {
        'GET /api/v1/appeals': [
          { unitId: 'housing-inspection', status: 'assigned', overdue: 'false', sort: 'due', limit: '10', offset: '0' },
        ],
        'GET /api/v1/appeals/{id}/receipt.pdf': [{ lang: 'ru' }],
        'GET /api/v1/reception-sessions': [{ date: inDays(0).slice(0, 10) }],
      },
      validBodies: {
        'POST /api/v1/appeals': [card, { anonymous: true, category: 'other', channel: 'online', text: 'x' }],
        'POST /api/v1/appeals/{id}/brief-answer': [{ text: 'Қаралуда' }],
        'POST /api/v1/appeals/{id}/full-answer': [
          { text: 'Бас тартылды', outcome: 'refused', refusalReasons: 'Заң бойынша' },
        ],
        'POST /api/v1/appeals/{id}/extend': [{ newDueAt: inDays(20), reason: 'Тексеру' }],
        'POST /api/v1/appeals/{id}/forward': [{ body: 'Полиция', reason: 'Құзыреті емес' }],
        'POST /api/v1/appeals/{id}/outside-competence': [{ reason: 'Құзыреті емес' }],
        'POST /api/v1/appeals/{id}/extension-notice': [{ channel: 'sms', sentAt: inDays(0) }],
        'POST /api/v1/track/{registrationNumber}/not-resolved': [
          { trackingCode: answered.trackingCode, comment: 'Шешілмеді' },
        ],
        'POST /api/v1/track/{registrationNumber}/feedback': [
          { trackingCode: answered.trackingCode, rating: 4, comment: 'Рахмет' },
        ],
        'POST /api/v1/service-visits': [{ sector: 'self_service', service: 'eds', renderedAt: inDays(0) }],
        'POST /api/v1/reception-sessions': [
          { officialName: 'Әкім', officialPosition: 'akim', place: 'Зал', startsAt: inDays(1) },
        ],
      },
    });
    expect(failures).toEqual([]);
    await http().get('/health/live').expect(200);
  }, 600_000);
  it('lets in only the roles each endpoint declares: 403 for other roles, 401 for no, expired, forged or unsigned tokens', async () => {
    expect(await accessViolations(baseUrlOf(service.app), accessPolicyOf(AppModule))).toEqual([]);
  }, 120_000);
});
