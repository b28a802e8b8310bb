import { useTestSigningKeys } from './acting-staff';
import { randomBytes } from 'node:crypto';

// Runs before each integration test file is loaded: the file's services, consumer groups and
// topics get a prefix of their own, so runs never read each other's events.
process.env['KAFKA_TOPIC_PREFIX'] = `it-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}.`;

// Every file signs its own staff tokens; the services it starts verify them (AUTH_PUBLIC_KEY).
useTestSigningKeys();
// Appeals seals residents' phone and e-mail for notifications with this key (both read it).
process.env['RESIDENT_CONTACT_KEY'] ??= randomBytes(32).toString('base64');
