import { createContext, ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { StaffRole } from '@akimat/contracts/browser';
import { connectApiSession } from '../api/api-client';
import { SignedInStaff, staffFromToken } from './staff-claims';

// Per browser tab and gone when it closes: a shared office computer does not keep anyone signed in.
const TOKEN_KEY = 'akimat.staffToken';

interface Auth {
  staff?: SignedInStaff;
  /** Set when the last session ended by itself (token expired), so the sign-in page can say so. */
  sessionExpired: boolean;
  signIn(token: string): boolean;
  signOut(): void;
  hasAnyRole(roles: readonly StaffRole[]): boolean;
}

const AuthContext = createContext<Auth | undefined>(undefined);

function storedToken(): string | undefined {
  const token = sessionStorage.getItem(TOKEN_KEY) ?? undefined;
  return token && staffFromToken(token) ? token : undefined;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState(storedToken);
  const [sessionExpired, setSessionExpired] = useState(false);
  const staff = useMemo(() => (token ? staffFromToken(token) : undefined), [token]);

  const signOut = useCallback(() => {
    sessionStorage.removeItem(TOKEN_KEY);
    setToken(undefined);
  }, []);
  const signIn = useCallback((candidate: string) => {
    const trimmed = candidate.trim();
    if (!staffFromToken(trimmed)) return false;
    sessionStorage.setItem(TOKEN_KEY, trimmed);
    setSessionExpired(false);
    setToken(trimmed);
    return true;
  }, []);

  // Render-time wiring (not an effect) so the first calls of child components already carry the token.
  connectApiSession({
    token: () => token,
    expired: () => {
      setSessionExpired(true);
      signOut();
    },
  });

  const value = useMemo<Auth>(
    () => ({
      staff,
      sessionExpired,
      signIn,
      signOut,
      hasAnyRole: (roles) => !!staff && staff.roles.some((role) => roles.includes(role)),
    }),
    [staff, sessionExpired, signIn, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}
