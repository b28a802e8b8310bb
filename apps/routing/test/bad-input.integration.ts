import { AppealRoutedV1 } from '@akimat/contracts';
import { accessPolicyOf, accessViolations, asStaff, baseUrlOf, fuzzService } from '@akimat/testing';
import { appealTopic, chiefOfStaff, registered, RoutingHarness, startRouting } from './routing-test-kit';
import { AppModule } from '../src/app/app.module';

const LAND_RULE_ID = 'a8bf4e9d-e738-4e1b-8af4-fec717295dbe';
const head = {
  name: 'Марат Есенов',
  position: 'Бөлім басшысы',
  phone: '+77120000003',
  email: 'land@makhambet.example.kz',
  language: 'kk',
};
const unit = {
  kind: 'department',
  nameKk: 'Жер қатынастары бөлімі',
  nameRu: 'Отдел земельных отношений',
  head,
  active: true,
};
const rule = {
  name: 'Fuzz rule',
  priority: 5,
  enabled: true,
  categories: ['land'],
  localities: ['Бейбарыс'],
  keywords: ['жер учаскесі'],
  channels: ['reception'],
  targetUnitCode: 'land-relations',
};

/** Issue #9 bad-input suite: every HTTP endpoint of routing, fuzzed; never a 5xx, never a crash. */
describe('routing under hostile HTTP input (real PostgreSQL, Kafka and Redis)', () => {
  let routing: RoutingHarness;

  beforeAll(async () => {
    routing = await startRouting();
  });

  afterAll(() => routing?.close());

  // A regression the fuzzer found: class-validator's @IsEmail accepted what the event contract refuses, and the save answered 500.
  it('refuses a head e-mail that directory.unit_changed could not carry, with 400 naming the field', async () => {
    const { body } = await asStaff(routing.http())
      .post('/api/v1/units')
      .set(chiefOfStaff)
      .send({ code: 'idn-unit', ...unit, head: { ...head, email: 'head@жер.kz' } })
      .expect(400);
    expect(body.violations).toEqual([expect.objectContaining({ field: 'head.email', rule: 'matches' })]);
  });

  it('answers every endpoint with < 500 and a JSON reason for 4xx, and stays live', async () => {
    const event = registered();
    await routing.probe.produce(appealTopic(), event, event.subject);
    await routing.nextPublished<AppealRoutedV1>('appeal.routed', event.subject);

    const failures = await fuzzService(baseUrlOf(routing.service.app), {
      validHeaders: chiefOfStaff,
      pathValues: {
        id: [LAND_RULE_ID, event.subject],
        appealId: [event.subject],
        code: ['land-relations', 'chief-of-staff-triage', 'fuzz-unit'],
      },
      validBodies: {
        'POST /api/v1/units': [{ code: 'fuzz-unit', ...unit }],
        'PUT /api/v1/units/{code}': [unit],
        'POST /api/v1/rules': [rule],
        'PUT /api/v1/rules/{id}': [rule],
        'POST /api/v1/appeals/{id}/reassign': [{ targetUnitCode: 'housing-inspection', reason: 'Тұрғын үй мәселесі' }],
      },
    });
    expect(failures).toEqual([]);
    await asStaff(routing.http()).get('/health/live').expect(200);
  }, 600_000);
  it('lets in only the roles each endpoint declares: 403 for other roles, 401 for no, expired, forged or unsigned tokens', async () => {
    expect(await accessViolations(baseUrlOf(routing.service.app), accessPolicyOf(AppModule))).toEqual([]);
  }, 120_000);
});
