import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateNotifications1764000003000 implements MigrationInterface {
  name = 'CreateNotifications1764000003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One notice per event, recipient and channel: the unique key is the second guard against
    // a redelivered event, after the processed_events record.
    await queryRunner.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY,
        event_id uuid NOT NULL,
        appeal_id uuid NOT NULL,
        recipient text NOT NULL,
        recipient_name text NOT NULL,
        channel text NOT NULL,
        language text NOT NULL CHECK (language IN ('kk', 'ru')),
        subject text NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_notifications_event_recipient_channel UNIQUE (event_id, recipient, channel)
      )`);
    await queryRunner.query('CREATE INDEX idx_notifications_appeal_id ON notifications (appeal_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE notifications');
  }
}
