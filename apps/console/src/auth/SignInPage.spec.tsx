import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { fakeStaffToken } from '../testing/fake-token';
import { AuthProvider, useAuth } from './auth-context';
import { RequireRoles } from './RequireRoles';
import { SignInPage } from './SignInPage';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });

function renderAt(path: string) {
  const router = createMemoryRouter(
    [
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/inbox', element: <RequireRoles roles={['department_head']}>inbox of my unit</RequireRoles> },
      { path: '/dashboard', element: <RequireRoles roles={['chief_of_staff']}>the dashboard</RequireRoles> },
    ],
    { initialEntries: [path] },
  );
  render(
    <AuthProvider>
      <RouterProvider router={router} />
    </AuthProvider>,
  );
  return router;
}

describe('sign-in', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists the demo staff and signs in as the one clicked, landing on his screen', async () => {
    const headToken = fakeStaffToken({ name: 'Бөлім басшысы', roles: ['department_head'], unit: 'housing-inspection' });
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/auth/demo/staff') {
        return json(200, [
          {
            login: 'housing-inspection',
            name: 'Бөлім басшысы',
            roles: ['department_head'],
            unit: 'housing-inspection',
          },
        ]);
      }
      expect(JSON.parse(String(init?.body))).toEqual({ login: 'housing-inspection' });
      return json(200, { token: headToken });
    });
    vi.stubGlobal('fetch', fetchMock);
    const router = renderAt('/sign-in');
    await userEvent.click(await screen.findByRole('button', { name: /Бөлім басшысы/ }));
    expect(await screen.findByText('inbox of my unit')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/inbox');
  });

  it('without demo sign-in takes a pasted token, and refuses one it cannot read', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(json(404, {})));
    renderAt('/sign-in?next=/dashboard');
    const field = screen.getByLabelText(/токен/i);
    await userEvent.type(field, 'garbage');
    await userEvent.click(screen.getByRole('button', { name: 'Войти' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Токен не читается');
    await userEvent.clear(field);
    await userEvent.click(field);
    await userEvent.paste(fakeStaffToken({ roles: ['chief_of_staff'] }));
    await userEvent.click(screen.getByRole('button', { name: 'Войти' }));
    expect(await screen.findByText('the dashboard')).toBeInTheDocument();
  });

  it('explains a screen the role may not open instead of showing it', async () => {
    sessionStorage.setItem('akimat.staffToken', fakeStaffToken({ roles: ['operator'] }));
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(json(404, {})));
    renderAt('/dashboard');
    expect(screen.getByRole('heading', { name: 'Нет доступа' })).toBeInTheDocument();
    expect(screen.getByText(/оператор/)).toBeInTheDocument();
    expect(screen.queryByText('the dashboard')).not.toBeInTheDocument();
  });

  it('never follows a "next" that leads to another site', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(json(404, {})));
    sessionStorage.setItem('akimat.staffToken', fakeStaffToken({ roles: ['department_head'], unit: 'education' }));
    const router = renderAt('/sign-in?next=//evil.example/phish');
    expect(await screen.findByText('inbox of my unit')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/inbox');
  });
});

describe('what a person leaves in the tab', () => {
  afterEach(() => vi.unstubAllGlobals());

  function SignOutButton() {
    const { signOut } = useAuth();
    return <button onClick={signOut}>out</button>;
  }

  it('is forgotten on sign-out, with whatever was fetched for him', async () => {
    sessionStorage.setItem('akimat.staffToken', fakeStaffToken({ roles: ['operator'] }));
    sessionStorage.setItem('akimat.reception.draft', '{"iin":"950101300016"}');
    const sessionEnded = vi.fn();
    render(
      <AuthProvider onSessionEnd={sessionEnded}>
        <SignOutButton />
      </AuthProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'out' }));
    expect(sessionStorage.getItem('akimat.reception.draft')).toBeNull();
    expect(sessionStorage.getItem('akimat.staffToken')).toBeNull();
    expect(sessionEnded).toHaveBeenCalledTimes(1);
  });

  it('is kept when his session expires and he signs in again, but not for someone else', async () => {
    const operatorToken = fakeStaffToken({ roles: ['operator'] });
    sessionStorage.setItem('akimat.workOwner', 'test:staff');
    sessionStorage.setItem('akimat.reception.draft', '{"iin":"950101300016"}');
    let auth: ReturnType<typeof useAuth> | undefined;
    function Probe() {
      auth = useAuth();
      return null;
    }
    render(
      <AuthProvider>
        <Probe />
      </AuthProvider>,
    );
    act(() => void auth?.signIn(operatorToken));
    expect(sessionStorage.getItem('akimat.reception.draft')).not.toBeNull();
    const someoneElse = fakeStaffToken({ roles: ['operator'] }, 3600, 'demo:someone-else');
    act(() => void auth?.signIn(someoneElse));
    expect(sessionStorage.getItem('akimat.reception.draft')).toBeNull();
    expect(sessionStorage.getItem('akimat.workOwner')).toBe('demo:someone-else');
  });
});
