import { STAFF_ROLES, StaffRole } from '@akimat/contracts/browser';

/** Who is signed in, as the token says (the services check the signature; the console only reads). */
export interface SignedInStaff {
  sub: string;
  name: string;
  position?: string;
  roles: StaffRole[];
  unit?: string;
  email?: string;
  /** Seconds since the epoch. */
  expiresAt: number;
}

function payloadOf(token: string): Record<string, unknown> | undefined {
  const part = token.split('.')[1];
  if (!part) return undefined;
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** Reads a staff token's claims (roles at `roles`, or Keycloak's `realm_access.roles`); undefined if unusable. */
export function staffFromToken(token: string, nowSeconds = Date.now() / 1000): SignedInStaff | undefined {
  const claims = payloadOf(token);
  if (!claims || typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return undefined;
  if (claims.exp <= nowSeconds) return undefined;
  const realmRoles = (claims.realm_access as { roles?: unknown } | undefined)?.roles;
  const rawRoles = Array.isArray(claims.roles) ? claims.roles : Array.isArray(realmRoles) ? realmRoles : [];
  const roles = rawRoles.filter((role): role is StaffRole => (STAFF_ROLES as readonly unknown[]).includes(role));
  return {
    sub: claims.sub,
    name: typeof claims.name === 'string' ? claims.name : claims.sub,
    position: typeof claims.position === 'string' ? claims.position : undefined,
    roles,
    unit: typeof claims.unit === 'string' ? claims.unit : undefined,
    email: typeof claims.email === 'string' ? claims.email : undefined,
    expiresAt: claims.exp,
  };
}
