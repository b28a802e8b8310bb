import { MigrationInterface, QueryRunner } from 'typeorm';

/** Walk-in services of the office's first direction (BRIEF.md), as data: [sector, service, kk, ru]. */
const SECTORS: [code: string, kk: string, ru: string][] = [
  ['self_service', 'Өзіне-өзі қызмет көрсету бұрышы', 'Уголок самообслуживания'],
  ['housing', 'Тұрғын үй', 'Жильё'],
  ['land_architecture', 'Жер және сәулет', 'Земля и архитектура'],
  ['agriculture', 'Ауыл шаруашылығы', 'Сельское хозяйство'],
  ['conscription', 'Әскерге шақыру және әскери есеп', 'Призыв и воинский учёт'],
  ['social', 'Әлеуметтік сала', 'Социальная сфера'],
];
const SERVICES: [sector: string, code: string, kk: string, ru: string][] = [
  ['self_service', 'eds', 'ЭЦҚ ашу немесе жаңарту', 'Открытие или обновление ЭЦП'],
  ['self_service', 'certificate', 'Анықтамалар', 'Справки'],
  ['housing', 'housing_advice', 'Тұрғын үй инспекциясының кеңесі', 'Консультация жилищной инспекции'],
  ['housing', 'housing_queue', 'Тұрғын үй кезегі', 'Очередь на жильё'],
  ['land_architecture', 'land_plot', 'Жер учаскесі', 'Земельный участок'],
  ['land_architecture', 'architecture_permit', 'Сәулет-жоспарлау тапсырмасы', 'Архитектурно-планировочное задание'],
  ['agriculture', 'machinery_inspection', 'Ірі техниканы техникалық байқау', 'Техосмотр крупной техники'],
  ['agriculture', 'agriculture_advice', 'Ауыл шаруашылығы кеңесі', 'Консультация по сельскому хозяйству'],
  ['conscription', 'military_registration', 'Әскери есепке қою', 'Постановка на воинский учёт'],
  ['social', 'social_assistance', 'Әлеуметтік көмек', 'Социальная помощь'],
];

export class AppealLifecycle1764000001100 implements MigrationInterface {
  name = 'AppealLifecycle1764000001100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE reception_sessions (
        id uuid PRIMARY KEY,
        official_name text NOT NULL,
        official_position text NOT NULL CHECK (official_position IN ('akim', 'deputy_akim', 'chief_of_staff')),
        place text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz,
        opened_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at IS NULL OR ends_at > starts_at)
      )`);
    await queryRunner.query('CREATE INDEX idx_reception_sessions_starts_at ON reception_sessions (starts_at DESC)');

    await queryRunner.query(`
      ALTER TABLE appeals
        DROP COLUMN received_by,
        ADD COLUMN received_by_name text,
        ADD COLUMN received_by_position text,
        ADD COLUMN reception_session_id uuid REFERENCES reception_sessions (id),
        ADD COLUMN concerns_public_safety boolean NOT NULL DEFAULT false,
        ADD COLUMN answer_required boolean NOT NULL DEFAULT true,
        ADD COLUMN registration_date date,
        ADD COLUMN deadlines jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN brief_due_at timestamptz,
        ADD COLUMN full_due_at timestamptz,
        ADD COLUMN next_due_at timestamptz,
        ADD COLUMN last_full_answer_at timestamptz,
        ADD COLUMN forwarded_to text,
        ADD COLUMN feedback_rating smallint CHECK (feedback_rating BETWEEN 1 AND 5),
        ADD COLUMN feedback_comment text,
        ADD COLUMN feedback_at timestamptz`);
    await queryRunner.query("UPDATE appeals SET status = 'assigned' WHERE status = 'routed'");
    await queryRunner.query(`UPDATE appeals SET registration_date = (registered_at AT TIME ZONE 'Asia/Atyrau')::date`);
    await queryRunner.query('ALTER TABLE appeals ALTER COLUMN registration_date SET NOT NULL');
    // The department inbox: one unit's open appeals by the next due time.
    await queryRunner.query('CREATE INDEX idx_appeals_inbox ON appeals (assigned_unit_code, status, next_due_at)');
    await queryRunner.query('CREATE INDEX idx_appeals_next_due ON appeals (next_due_at) WHERE next_due_at IS NOT NULL');

    await queryRunner.query(`
      CREATE TABLE appeal_answers (
        id uuid PRIMARY KEY,
        appeal_id uuid NOT NULL REFERENCES appeals (id),
        kind text NOT NULL CHECK (kind IN ('brief', 'full')),
        text text NOT NULL,
        author_name text NOT NULL,
        author_position text,
        answered_at timestamptz NOT NULL,
        due_at timestamptz,
        on_time boolean,
        outcome text CHECK (outcome IN ('satisfied', 'partly_satisfied', 'refused')),
        refusal_reasons text,
        CHECK (kind = 'brief' OR outcome IS NOT NULL),
        CHECK (outcome IS DISTINCT FROM 'refused' OR refusal_reasons IS NOT NULL)
      )`);
    await queryRunner.query('CREATE INDEX idx_appeal_answers_appeal ON appeal_answers (appeal_id, answered_at)');

    // What happened to an appeal, in order; shown to staff and (without personal data) to the resident.
    await queryRunner.query(`
      CREATE TABLE appeal_timeline (
        id bigserial PRIMARY KEY,
        appeal_id uuid NOT NULL REFERENCES appeals (id),
        at timestamptz NOT NULL,
        kind text NOT NULL,
        actor_name text,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await queryRunner.query('CREATE INDEX idx_appeal_timeline_appeal ON appeal_timeline (appeal_id, id)');

    // The first answer to each Idempotency-Key, replayed to every retry of the same request.
    await queryRunner.query(`
      CREATE TABLE idempotency_keys (
        scope text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        response_status integer,
        response_body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, key)
      )`);
    await queryRunner.query('CREATE INDEX idx_idempotency_keys_created_at ON idempotency_keys (created_at)');

    await queryRunner.query(`
      CREATE TABLE service_sectors (
        code text PRIMARY KEY,
        name_kk text NOT NULL,
        name_ru text NOT NULL,
        active boolean NOT NULL DEFAULT true
      )`);
    await queryRunner.query(`
      CREATE TABLE service_catalogue (
        sector text NOT NULL REFERENCES service_sectors (code),
        code text NOT NULL,
        name_kk text NOT NULL,
        name_ru text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        PRIMARY KEY (sector, code)
      )`);
    for (const [code, kk, ru] of SECTORS) {
      await queryRunner.query('INSERT INTO service_sectors (code, name_kk, name_ru) VALUES ($1, $2, $3)', [
        code,
        kk,
        ru,
      ]);
    }
    for (const [sector, code, kk, ru] of SERVICES) {
      await queryRunner.query(
        'INSERT INTO service_catalogue (sector, code, name_kk, name_ru) VALUES ($1, $2, $3, $4)',
        [sector, code, kk, ru],
      );
    }
    await queryRunner.query(`
      CREATE TABLE service_visits (
        id uuid PRIMARY KEY,
        sector text NOT NULL,
        service text NOT NULL,
        rendered_at timestamptz NOT NULL,
        rendered_by_name text NOT NULL,
        rendered_by_position text,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (sector, service) REFERENCES service_catalogue (sector, code)
      )`);
    await queryRunner.query('CREATE INDEX idx_service_visits_rendered_at ON service_visits (rendered_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE service_visits');
    await queryRunner.query('DROP TABLE service_catalogue');
    await queryRunner.query('DROP TABLE service_sectors');
    await queryRunner.query('DROP TABLE idempotency_keys');
    await queryRunner.query('DROP TABLE appeal_timeline');
    await queryRunner.query('DROP TABLE appeal_answers');
    await queryRunner.query('DROP INDEX idx_appeals_next_due');
    await queryRunner.query('DROP INDEX idx_appeals_inbox');
    await queryRunner.query("UPDATE appeals SET status = 'routed' WHERE status <> 'registered'");
    await queryRunner.query(`
      ALTER TABLE appeals
        ADD COLUMN received_by text,
        DROP COLUMN received_by_name,
        DROP COLUMN received_by_position,
        DROP COLUMN reception_session_id,
        DROP COLUMN concerns_public_safety,
        DROP COLUMN answer_required,
        DROP COLUMN registration_date,
        DROP COLUMN deadlines,
        DROP COLUMN brief_due_at,
        DROP COLUMN full_due_at,
        DROP COLUMN next_due_at,
        DROP COLUMN last_full_answer_at,
        DROP COLUMN forwarded_to,
        DROP COLUMN feedback_rating,
        DROP COLUMN feedback_comment,
        DROP COLUMN feedback_at`);
    await queryRunner.query('DROP TABLE reception_sessions');
  }
}
