import { FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import type { StaffRole } from '@akimat/contracts/browser';
import { homeFor } from '../app/screens';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useAuth } from './auth-context';

interface DemoPerson {
  login: string;
  name: string;
  position?: string;
  roles: StaffRole[];
  unit?: string;
}

/**
 * Sign-in. Locally the gateway's demo identity provider lists the demo staff: one click signs in as
 * that person. With a real identity provider the person pastes the token it issued.
 */
export function SignInPage() {
  const { t } = useTranslation();
  const { staff, signIn, sessionExpired } = useAuth();
  const [searchParams] = useSearchParams();
  const [demoStaff, setDemoStaff] = useState<DemoPerson[]>();
  const [token, setToken] = useState('');
  const [error, setError] = useState<unknown>();
  const [tokenInvalid, setTokenInvalid] = useState(false);

  useEffect(() => {
    fetch('/auth/demo/staff')
      .then((response) => (response.ok ? (response.json() as Promise<DemoPerson[]>) : []))
      .then(setDemoStaff, () => setDemoStaff([]));
  }, []);

  if (staff) {
    const next = searchParams.get('next');
    // Only a path of this console ("/inbox"), never another site ("//evil.example", "/\\evil").
    const local = next && /^\/(?![/\\])/.test(next) ? next : undefined;
    return <Navigate to={local ?? homeFor(staff.roles) ?? '/nothing-here'} replace />;
  }

  const signInAs = async (login: string) => {
    setError(undefined);
    try {
      const response = await fetch('/auth/demo/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login }),
      });
      if (!response.ok) throw new Error(String(response.status));
      signIn(((await response.json()) as { token: string }).token);
    } catch (caught) {
      setError(caught);
    }
  };
  const submitToken = (event: FormEvent) => {
    event.preventDefault();
    setTokenInvalid(!signIn(token));
  };

  return (
    <section className="page sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('signIn.title')}</h1>
      {sessionExpired && <p className="notice notice-warning">{t('signIn.expired')}</p>}
      <ErrorNotice error={error} />
      {demoStaff && demoStaff.length > 0 && (
        <>
          <h2>{t('signIn.demoStaff')}</h2>
          <ul className="demo-staff">
            {demoStaff.map((person) => (
              <li key={person.login}>
                <button type="button" onClick={() => void signInAs(person.login)} data-login={person.login}>
                  <span className="demo-staff-name">{person.name}</span>
                  <span className="demo-staff-role">
                    {person.roles.map((role) => t(`roles.${role}`)).join(', ')}
                    {person.unit ? ` · ${person.unit}` : ''}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <form onSubmit={submitToken} className="token-form">
        <label htmlFor="staff-token">{t('signIn.token')}</label>
        <textarea
          id="staff-token"
          rows={3}
          value={token}
          onChange={(event) => setToken(event.target.value)}
          aria-invalid={tokenInvalid}
          aria-describedby={tokenInvalid ? 'staff-token-error' : undefined}
        />
        {tokenInvalid && (
          <small id="staff-token-error" className="field-error" role="alert">
            {t('signIn.tokenInvalid')}
          </small>
        )}
        <button type="submit" disabled={!token.trim()}>
          {t('signIn.submit')}
        </button>
      </form>
    </section>
  );
}
