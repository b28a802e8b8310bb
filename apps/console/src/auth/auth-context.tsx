import { createContext, ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { StaffRole } from '@akimat/contracts/browser';
import { connectApiSession } from '../api/api-client';
import { SignedInStaff, staffFromToken } from './staff-claims';

// Per browser tab and gone when it closes: a shared office computer does not keep anyone signed in.
const TOKEN_KEY = 'akimat.staffToken';
// Whose work the tab holds (drafts, the last registered appeal, walk-ins logged): kept across an
// expired session for the same person, dropped when someone else signs in.
const WORK_OWNER_KEY = 'akimat.workOwner';

/** Everything a person left in this tab (every akimat.* entry of sessionStorage). */
function forgetWorkInThisTab(): void {
  for (const key of Object.keys(sessionStorage)) {
    if (key.startsWith('akimat.')) sessionStorage.removeItem(key);
  }
}

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

interface AuthProviderProps {
  children: ReactNode;
  /** When a person's session ends (signed out or expired): drop what was fetched for him. */
  onSessionEnd?: () => void;
}

export function AuthProvider({ children, onSessionEnd }: AuthProviderProps) {
  const [token, setToken] = useState(storedToken);
  const [sessionExpired, setSessionExpired] = useState(false);
  const staff = useMemo(() => (token ? staffFromToken(token) : undefined), [token]);

  const endSession = useCallback(() => {
    sessionStorage.removeItem(TOKEN_KEY);
    setToken(undefined);
    onSessionEnd?.();
  }, [onSessionEnd]);
  const signOut = useCallback(() => {
    endSession();
    forgetWorkInThisTab();
  }, [endSession]);
  const signIn = useCallback((candidate: string) => {
    const trimmed = candidate.trim();
    const person = staffFromToken(trimmed);
    if (!person) return false;
    if (sessionStorage.getItem(WORK_OWNER_KEY) !== person.sub) forgetWorkInThisTab();
    sessionStorage.setItem(WORK_OWNER_KEY, person.sub);
    sessionStorage.setItem(TOKEN_KEY, trimmed);
    setSessionExpired(false);
    setToken(trimmed);
    return true;
  }, []);

  // Render-time wiring (not an effect) so the first calls of child components already carry the token.
  connectApiSession({
    token: () => token,
    // An expired session keeps the person's typed work for when he signs in again.
    expired: () => {
      setSessionExpired(true);
      endSession();
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
