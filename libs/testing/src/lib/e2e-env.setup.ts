import { randomBytes } from 'node:crypto';
import { useTestSigningKeys } from './acting-staff';

// The services each e2e file spawns inherit AUTH_PUBLIC_KEY; the file signs staff tokens with its pair.
useTestSigningKeys();
// Appeals seals residents' phone and e-mail for notifications with this key (both read it).
process.env['RESIDENT_CONTACT_KEY'] ??= randomBytes(32).toString('base64');
