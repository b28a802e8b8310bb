import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notices become deliveries over several channels with a state, and the service keeps its own copy
 * of each resident's contact (answers do not carry it) and of the directory (the chief of staff).
 */
export class CreateDeliveries1764000003100 implements MigrationInterface {
  name = 'CreateDeliveries1764000003100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE notifications RENAME TO deliveries');
    await queryRunner.query('ALTER INDEX idx_notifications_appeal_id RENAME TO idx_deliveries_appeal_id');
    await queryRunner.query(`
      ALTER TABLE deliveries
        ADD COLUMN kind text NOT NULL DEFAULT 'routed',
        ADD COLUMN audience text NOT NULL DEFAULT 'staff' CHECK (audience IN ('resident', 'staff')),
        ADD COLUMN status text NOT NULL DEFAULT 'sent' CHECK (status IN ('queued', 'retrying', 'sent', 'failed')),
        ADD COLUMN attempts integer NOT NULL DEFAULT 0,
        ADD COLUMN last_error text,
        ADD COLUMN deliver_after timestamptz,
        ADD COLUMN sent_at timestamptz,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
        ADD CONSTRAINT ck_deliveries_channel CHECK (channel IN ('in_app', 'email', 'sms'))`);
    // Existing rows are in-app notices to heads about routing, shown when written.
    await queryRunner.query('UPDATE deliveries SET sent_at = created_at');
    await queryRunner.query(
      `ALTER TABLE deliveries ALTER COLUMN kind DROP DEFAULT, ALTER COLUMN audience DROP DEFAULT, ALTER COLUMN status SET DEFAULT 'queued'`,
    );
    // Once per event, recipient and channel; the kind separates two notices one event causes to
    // the same person (the full answer and the survey invitation).
    await queryRunner.query('ALTER TABLE deliveries DROP CONSTRAINT uq_notifications_event_recipient_channel');
    await queryRunner.query(
      'ALTER TABLE deliveries ADD CONSTRAINT uq_deliveries_event_kind_recipient_channel UNIQUE (event_id, kind, recipient, channel)',
    );
    await queryRunner.query('CREATE INDEX idx_deliveries_recipient ON deliveries (recipient, created_at)');
    await queryRunner.query(
      `CREATE INDEX idx_deliveries_pending ON deliveries (created_at) WHERE status IN ('queued', 'retrying')`,
    );
    await queryRunner.query(`
      CREATE TABLE appeal_residents (
        appeal_id uuid PRIMARY KEY,
        registration_number text NOT NULL,
        name text NOT NULL,
        email text,
        phone text,
        language text NOT NULL CHECK (language IN ('kk', 'ru')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE directory_units (
        code text PRIMARY KEY,
        kind text NOT NULL,
        name_kk text NOT NULL,
        name_ru text NOT NULL,
        head jsonb NOT NULL,
        active boolean NOT NULL,
        revision integer NOT NULL,
        changed_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE directory_units');
    await queryRunner.query('DROP TABLE appeal_residents');
    await queryRunner.query(`DELETE FROM deliveries WHERE channel <> 'in_app'`);
    await queryRunner.query('DROP INDEX idx_deliveries_pending');
    await queryRunner.query('DROP INDEX idx_deliveries_recipient');
    await queryRunner.query('ALTER TABLE deliveries DROP CONSTRAINT uq_deliveries_event_kind_recipient_channel');
    await queryRunner.query(`DELETE FROM deliveries a USING deliveries b
      WHERE a.event_id = b.event_id AND a.recipient = b.recipient AND a.channel = b.channel AND a.id > b.id`);
    await queryRunner.query(
      'ALTER TABLE deliveries ADD CONSTRAINT uq_notifications_event_recipient_channel UNIQUE (event_id, recipient, channel)',
    );
    await queryRunner.query(`ALTER TABLE deliveries DROP CONSTRAINT ck_deliveries_channel,
      DROP COLUMN kind, DROP COLUMN audience, DROP COLUMN status, DROP COLUMN attempts, DROP COLUMN last_error,
      DROP COLUMN deliver_after, DROP COLUMN sent_at, DROP COLUMN updated_at`);
    await queryRunner.query('ALTER INDEX idx_deliveries_appeal_id RENAME TO idx_notifications_appeal_id');
    await queryRunner.query('ALTER TABLE deliveries RENAME TO notifications');
  }
}
