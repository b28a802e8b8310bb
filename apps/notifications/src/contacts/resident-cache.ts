import { Contact } from '@akimat/contracts';

const CAPACITY = 20_000;

/**
 * Residents' contacts per appeal, newest kept. A contact never changes once registered (the first
 * `appeal.registered` wins), so an entry is never stale; the database stays the source of truth.
 */
export class ResidentCache {
  private readonly entries = new Map<string, Contact>();

  constructor(private readonly capacity = CAPACITY) {}

  get(appealId: string): Contact | undefined {
    return this.entries.get(appealId);
  }

  set(appealId: string, contact: Contact): void {
    this.entries.delete(appealId);
    this.entries.set(appealId, contact);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}
