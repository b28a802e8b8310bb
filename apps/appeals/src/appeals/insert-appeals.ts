import { EntityManager } from 'typeorm';
import { AppealEntity } from './appeal.entity';

type Column = readonly [name: string, type: string, value: (appeal: AppealEntity) => unknown];

/** What a card has when it is registered; every other column starts empty or at its default. */
const REGISTRATION_COLUMNS: readonly Column[] = [
  ['id', 'uuid', (a) => a.id],
  ['registration_number', 'text', (a) => a.registrationNumber],
  ['tracking_code', 'text', (a) => a.trackingCode],
  ['status', 'text', (a) => a.status],
  ['category', 'text', (a) => a.category],
  ['channel', 'text', (a) => a.channel],
  ['text', 'text', (a) => a.text],
  ['anonymous', 'boolean', (a) => a.anonymous],
  ['resident_name', 'text', (a) => a.residentName],
  ['resident_iin', 'text', (a) => a.residentIin],
  ['resident_phone', 'text', (a) => a.residentPhone],
  ['resident_email', 'text', (a) => a.residentEmail],
  ['resident_language', 'text', (a) => a.residentLanguage],
  ['locality', 'text', (a) => a.locality],
  ['preferred_unit_code', 'text', (a) => a.preferredUnitCode],
  ['received_by_name', 'text', (a) => a.receivedByName],
  ['received_by_position', 'text', (a) => a.receivedByPosition],
  ['reception_session_id', 'uuid', (a) => a.receptionSessionId],
  ['concerns_public_safety', 'boolean', (a) => a.concernsPublicSafety],
  ['answer_required', 'boolean', (a) => a.answerRequired],
  ['registered_at', 'timestamptz', (a) => a.registeredAt],
  ['registration_date', 'date', (a) => a.registrationDate],
];

const INSERT_REGISTERED = `INSERT INTO appeals (${REGISTRATION_COLUMNS.map(([column]) => column).join(', ')})
  SELECT * FROM unnest(${REGISTRATION_COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})`;

/**
 * Inserts newly registered cards in one statement, one array per column: registration is the
 * hot path, and building the statement through the ORM cost more CPU than the insert itself.
 */
export async function insertRegisteredAppeals(manager: EntityManager, appeals: readonly AppealEntity[]): Promise<void> {
  await manager.query(
    INSERT_REGISTERED,
    REGISTRATION_COLUMNS.map(([, , value]) => appeals.map((appeal) => value(appeal))),
  );
}
