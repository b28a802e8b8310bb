#!/usr/bin/env node
// The local demo identity provider's RS256 key pair, made once into .infra/auth/ (git-ignored):
// services verify staff tokens with public.pem (AUTH_PUBLIC_KEY), `npm run staff-token` signs with
// private.pem. A real deployment sets AUTH_JWKS_URL (or AUTH_PUBLIC_KEY) of the office's provider.
const { generateKeyPairSync } = require('node:crypto');
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
  console.log(`[auth] made the demo identity provider's key pair in ${dir}`);
}
