import { randomBytes } from 'node:crypto';
import { ContactSeal, residentContactKeySchema } from './contact-seal';

const key = () => randomBytes(32).toString('base64');

describe('ContactSeal', () => {
  const seal = ContactSeal.fromEnv(key()) as ContactSeal;

  it('opens what it sealed, and the sealed text shows neither phone nor e-mail', () => {
    const sealed = seal.seal({ phone: '+77011234567', email: 'asel@example.kz' });
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toMatch(/7011234567|asel/);
    expect(seal.open(sealed)).toEqual({ phone: '+77011234567', email: 'asel@example.kz' });
    expect(seal.seal({ phone: '+77011234567' })).not.toBe(seal.seal({ phone: '+77011234567' })); // fresh IV each time
  });

  it('refuses a text sealed with another key, altered, or malformed', () => {
    const other = ContactSeal.fromEnv(key()) as ContactSeal;
    const sealed = seal.seal({ phone: '+77011234567' });
    expect(() => other.open(sealed)).toThrow();
    const [v, iv, body, tag] = sealed.split('.');
    const flipped = `${body[0] === 'A' ? 'B' : 'A'}${body.slice(1)}`;
    expect(() => seal.open([v, iv, flipped, tag].join('.'))).toThrow();
    expect(() => seal.open('v1.not-sealed')).toThrow('malformed');
  });

  it('takes no key as "not sealing", and only a 32-byte base64 key', () => {
    expect(ContactSeal.fromEnv(undefined)).toBeUndefined();
    expect(residentContactKeySchema.parse('')).toBeUndefined();
    expect(residentContactKeySchema.safeParse(randomBytes(16).toString('base64')).success).toBe(false);
    expect(residentContactKeySchema.safeParse(key()).success).toBe(true);
  });
});
