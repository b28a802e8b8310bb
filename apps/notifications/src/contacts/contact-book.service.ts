import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Contact, DirectoryUnitChangedV1, Head } from '@akimat/contracts';
import { PreparedStatement, runPrepared } from '../database/prepared-statement';
import { AppealResidentEntity } from './appeal-resident.entity';
import { DirectoryUnitEntity } from './directory-unit.entity';
import { ResidentCache } from './resident-cache';

const RESIDENT_OF: PreparedStatement = {
  name: 'notifications_resident_of',
  text: 'SELECT name, email, phone, language FROM appeal_residents WHERE appeal_id = $1',
};

export interface AppealResident {
  appealId: string;
  contact: Contact;
}

/**
 * This service's own copies of who to reach: residents per appeal, unit heads per directory revision.
 * A resident's contact is written with the registration's deliveries (see writeEventRows); answers
 * find it in memory, else in the database. Memory learns only what is committed (`keep`).
 */
@Injectable()
export class ContactBook {
  private readonly residents = new ResidentCache();

  /** Call after the commit: a contact read or written in a transaction that rolls back is not kept. */
  keep(residents: AppealResident[]): void {
    for (const { appealId, contact } of residents) this.residents.set(appealId, contact);
  }

  /** Applies a unit's change only if it is newer than the copy (events of one unit may be replayed). */
  async applyUnit(data: DirectoryUnitChangedV1, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO directory_units (code, kind, name_kk, name_ru, head, active, revision, changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (code) DO UPDATE SET kind = EXCLUDED.kind, name_kk = EXCLUDED.name_kk, name_ru = EXCLUDED.name_ru,
         head = EXCLUDED.head, active = EXCLUDED.active, revision = EXCLUDED.revision, changed_at = EXCLUDED.changed_at
       WHERE directory_units.revision < EXCLUDED.revision`,
      [
        data.code,
        data.kind,
        data.nameKk,
        data.nameRu,
        JSON.stringify(data.head),
        data.active,
        data.revision,
        data.changedAt,
      ],
    );
  }

  async residentOf(appealId: string, manager: EntityManager): Promise<Contact | undefined> {
    const known = this.residents.get(appealId);
    if (known) return known;
    const [row] = await runPrepared<Pick<AppealResidentEntity, 'name' | 'email' | 'phone' | 'language'>>(
      manager,
      RESIDENT_OF,
      [appealId],
    );
    return row
      ? { name: row.name, email: row.email ?? undefined, phone: row.phone ?? undefined, language: row.language }
      : undefined;
  }

  /** The chief of staff: the head of the active triage unit. */
  async chiefOfStaff(manager: EntityManager): Promise<{ unitCode: string; head: Head } | undefined> {
    const unit = await manager.findOne(DirectoryUnitEntity, {
      where: { kind: 'triage', active: true },
      order: { code: 'ASC' },
    });
    return unit ? { unitCode: unit.code, head: unit.head } : undefined;
  }
}
