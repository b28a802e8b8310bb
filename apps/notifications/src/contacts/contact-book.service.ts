import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppealRegisteredV1, Contact, DirectoryUnitChangedV1, Head } from '@akimat/contracts';
import { AppealResidentEntity } from './appeal-resident.entity';
import { DirectoryUnitEntity } from './directory-unit.entity';

/** This service's own copies of who to reach: residents per appeal, unit heads per directory revision. */
@Injectable()
export class ContactBook {
  async rememberResident(data: AppealRegisteredV1, manager: EntityManager): Promise<void> {
    if (data.anonymous || !data.resident) return;
    const { name, email, phone, language } = data.resident;
    await manager.query(
      `INSERT INTO appeal_residents (appeal_id, registration_number, name, email, phone, language)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (appeal_id) DO NOTHING`,
      [data.appealId, data.registrationNumber, name, email ?? null, phone ?? null, language],
    );
  }

  /** Applies a unit's change only if it is newer than the copy (events of one unit may be replayed). */
  async applyUnit(data: DirectoryUnitChangedV1, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO directory_units (code, kind, name_kk, name_ru, head, active, revision, changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (code) DO UPDATE SET kind = EXCLUDED.kind, name_kk = EXCLUDED.name_kk, name_ru = EXCLUDED.name_ru,
         head = EXCLUDED.head, active = EXCLUDED.active, revision = EXCLUDED.revision, changed_at = EXCLUDED.changed_at
       WHERE directory_units.revision < EXCLUDED.revision`,
      [data.code, data.kind, data.nameKk, data.nameRu, JSON.stringify(data.head), data.active, data.revision, data.changedAt],
    );
  }

  async residentOf(appealId: string, manager: EntityManager): Promise<Contact | undefined> {
    const row = await manager.findOneBy(AppealResidentEntity, { appealId });
    if (!row) return undefined;
    return { name: row.name, email: row.email ?? undefined, phone: row.phone ?? undefined, language: row.language };
  }

  /** The chief of staff: the head of the active triage unit. */
  async chiefOfStaff(manager: EntityManager): Promise<{ unitCode: string; head: Head } | undefined> {
    const unit = await manager.findOne(DirectoryUnitEntity, { where: { kind: 'triage', active: true }, order: { code: 'ASC' } });
    return unit ? { unitCode: unit.code, head: unit.head } : undefined;
  }
}
