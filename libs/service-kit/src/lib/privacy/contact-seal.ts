import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';

/** What of a resident's contact only notifications may read: where to send SMS and e-mail. */
export interface ContactSecrets {
  phone?: string;
  email?: string;
}

const secretsSchema = z.strictObject({ phone: z.string().optional(), email: z.string().optional() });
const SEALED = /^v1\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{22})$/;

/** RESIDENT_CONTACT_KEY: 32 random bytes, base64 (`openssl rand -base64 32`); empty means unset. */
export const residentContactKeySchema = z.preprocess(
  (value) => (value === '' ? undefined : value),
  z
    .base64()
    .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes, base64')
    .optional(),
);

/**
 * Seals a resident's phone and e-mail for the one consumer that needs them (AES-256-GCM with a key
 * only appeals and notifications hold): `appeal.registered` goes to every consumer, and routing and
 * stats have no business with them. Format `v1.<iv>.<ciphertext>.<tag>`, base64url.
 */
export class ContactSeal {
  private constructor(private readonly key: Buffer) {}

  /** Undefined when no key is configured: contacts then travel as before, in clear. */
  static fromEnv(base64Key: string | undefined): ContactSeal | undefined {
    return base64Key ? new ContactSeal(Buffer.from(base64Key, 'base64')) : undefined;
  }

  seal(secrets: ContactSecrets): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([cipher.update(JSON.stringify(secrets), 'utf8'), cipher.final()]);
    return ['v1', iv, sealed, cipher.getAuthTag()]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  /** Throws when the text was not sealed with this key or was altered. */
  open(sealedText: string): ContactSecrets {
    const match = SEALED.exec(sealedText);
    if (!match) throw new Error('the sealed contact is malformed');
    const [iv, sealed, tag] = match.slice(1).map((part) => Buffer.from(part, 'base64url'));
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAuthTag(tag);
    const plain = Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8');
    return secretsSchema.parse(JSON.parse(plain));
  }
}
