import { useTestSigningKeys } from './acting-staff';

// The services each e2e file spawns inherit AUTH_PUBLIC_KEY; the file signs staff tokens with its pair.
useTestSigningKeys();
