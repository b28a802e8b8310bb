import { Inject, Injectable, OnModuleInit, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import { createRemoteJWKSet, errors, importSPKI, JWTPayload, jwtVerify, KeyLike } from 'jose';
import { z } from 'zod';
import { STAFF_ROLES, StaffRole, unitCodeSchema, UNIT_HEAD_ROLES, LEADERSHIP_ROLES } from '@akimat/contracts';
import { BaseEnv } from '../config/base-env.schema';
import { SERVICE_CONFIG, ServiceConfig } from '../config/service-config';
import { StaffIdentity } from './staff-identity';

const VERIFIED_CACHE_SIZE = 10_000;

type KeySource = KeyLike | ReturnType<typeof createRemoteJWKSet>;

const claimsSchema = z.object({
  sub: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  position: z.string().min(1).max(200).optional(),
  unit: unitCodeSchema.optional(),
  email: z.email().optional(),
});

/**
 * Checks staff tokens (RS256 only) against the configured public key or the identity provider's
 * JWKS, with issuer, audience and expiry, and reads who the person is from the claims.
 */
@Injectable()
export class TokenVerifier implements OnModuleInit {
  private readonly key: Promise<KeySource>;
  private readonly rolesPath: string[];
  private readonly verified = new Map<string, { identity: StaffIdentity; expiresAt: number }>();

  constructor(@Inject(SERVICE_CONFIG) private readonly config: ServiceConfig<BaseEnv>) {
    this.key = keySourceOf(config);
    this.key.catch(() => undefined); // reported on first use and by the start-up check
    this.rolesPath = config.AUTH_ROLES_CLAIM.split('.');
  }

  /** Fails fast at start when neither a key nor a JWKS URL is configured, or the key is not PEM. */
  async onModuleInit(): Promise<void> {
    await this.key;
  }

  /**
   * A staff client sends the same token with every call; its signature is checked once and the
   * identity reused until the token expires (a bounded cache, oldest entries dropped first).
   */
  async verify(token: string): Promise<StaffIdentity> {
    const known = this.verified.get(token);
    if (known && known.expiresAt > Date.now()) return known.identity;
    if (known) this.verified.delete(token);
    const { identity, expiresAt } = await this.verifyAfresh(token);
    if (this.verified.size >= VERIFIED_CACHE_SIZE) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, { identity, expiresAt });
    return identity;
  }

  private async verifyAfresh(token: string): Promise<{ identity: StaffIdentity; expiresAt: number }> {
    let payload: JWTPayload;
    try {
      const key = await this.key;
      ({ payload } = await jwtVerify(token, key as Parameters<typeof jwtVerify>[1], {
        algorithms: ['RS256'],
        issuer: this.config.AUTH_ISSUER,
        audience: this.config.AUTH_AUDIENCE,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (error) {
      // The identity provider's key set could not be fetched: nothing is known of the token yet.
      const keySetUnreachable = error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError);
      if (this.config.AUTH_JWKS_URL && keySetUnreachable) {
        throw new ServiceUnavailableException(
          'the identity provider could not be reached to check the token; try again',
        );
      }
      throw new UnauthorizedException(reasonOf(error));
    }
    return { identity: this.identityOf(payload), expiresAt: (payload.exp as number) * 1000 };
  }

  private identityOf(payload: JWTPayload): StaffIdentity {
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) {
      const field = claims.error.issues[0]?.path.join('.') ?? 'claims';
      throw new UnauthorizedException(`the token's ${field} claim is missing or malformed`);
    }
    const roles = rolesAt(payload, this.rolesPath);
    const identity: StaffIdentity = { id: claims.data.sub, name: claims.data.name, roles };
    if (claims.data.position) identity.position = claims.data.position;
    if (claims.data.unit) identity.unit = claims.data.unit;
    if (claims.data.email) identity.email = claims.data.email;
    const headsOnly =
      roles.some((r) => UNIT_HEAD_ROLES.includes(r)) && !roles.some((r) => LEADERSHIP_ROLES.includes(r));
    if (headsOnly && !identity.unit) {
      throw new UnauthorizedException("a unit head's token must name the unit (unit claim)");
    }
    return identity;
  }
}

/** Roles the system knows, found at a dotted path; other identity-provider roles are ignored. */
function rolesAt(payload: JWTPayload, path: string[]): StaffRole[] {
  let value: unknown = payload;
  for (const step of path)
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[step] : undefined;
  if (!Array.isArray(value)) return [];
  return value.filter((role): role is StaffRole => (STAFF_ROLES as readonly unknown[]).includes(role));
}

function keySourceOf(env: BaseEnv): Promise<KeySource> {
  if (env.AUTH_JWKS_URL) return Promise.resolve(createRemoteJWKSet(new URL(env.AUTH_JWKS_URL)));
  if (env.AUTH_PUBLIC_KEY) return importSPKI(env.AUTH_PUBLIC_KEY.replace(/\\n/g, '\n'), 'RS256');
  return Promise.reject(new Error('staff sign-in needs AUTH_PUBLIC_KEY (PEM) or AUTH_JWKS_URL'));
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWSSignatureVerificationFailed) return "the token's signature is not valid";
  if (error instanceof errors.JWTClaimValidationFailed) return `the token's ${error.claim} claim is not accepted`;
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the token must be signed with RS256';
  if (error instanceof errors.JWKSNoMatchingKey) return "the token's key is not known";
  return 'the token is not a valid signed token';
}
