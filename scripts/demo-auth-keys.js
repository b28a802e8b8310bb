#!/usr/bin/env node
// The local demo's secrets, made once into .infra/auth/ (git-ignored): the demo identity provider's
// RS256 key pair — services verify staff tokens with public.pem (AUTH_PUBLIC_KEY), `npm run
// staff-token` signs with private.pem — and resident-contact.key (RESIDENT_CONTACT_KEY), which
// appeals and notifications share to seal residents' phone and e-mail in events. A real deployment
// sets AUTH_JWKS_URL (or AUTH_PUBLIC_KEY) of the office's provider and its own contact key.
const { generateKeyPairSync, randomBytes } = require('node:crypto');
const { existsSync, mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = join(__dirname, '..', '.infra', 'auth');
if (!existsSync(join(dir, 'private.pem'))) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  writeFileSync(join(dir, 'private.pem'), privateKey, { mode: 0o600 });
  writeFileSync(join(dir, 'public.pem'), publicKey, { mode: 0o644 });
  console.error(`[auth] made the demo identity provider's key pair in ${dir}`);
}
if (!existsSync(join(dir, 'resident-contact.key'))) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(join(dir, 'resident-contact.key'), randomBytes(32).toString('base64'), { mode: 0o600 });
  console.error(`[auth] made the demo resident-contact key in ${dir}`);
}
