import type { StaffRole } from '@akimat/contracts/browser';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import { AuthProvider } from '../../auth/auth-context';
import { fakeStaffToken } from '../../testing/fake-token';

export const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export interface FetchCall {
  url: string;
  method: string;
  body: unknown;
}

/**
 * Stubs fetch with a handler by method and URL; every call is recorded with its parsed body.
 * Anything the handler does not answer is a 404, so a wrong URL shows up in the test.
 */
export function stubFetch(handler: (call: FetchCall) => Response | undefined | Promise<Response | undefined>) {
  const calls: FetchCall[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const call: FetchCall = {
      url: String(input),
      method: init?.method ?? 'GET',
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    return (await handler(call)) ?? json(404, { message: `no stub for ${call.method} ${call.url}` });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock };
}

/** Renders routes signed in with the given roles, with a fresh query cache that does not retry. */
export function renderSignedIn(
  routes: { path: string; element: ReactNode }[],
  { at, roles, unit }: { at: string; roles: StaffRole[]; unit?: string },
) {
  sessionStorage.setItem('akimat.staffToken', fakeStaffToken({ name: 'Тест Басшы', roles, unit }));
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const router = createMemoryRouter(routes, { initialEntries: [at] });
  render(
    <QueryClientProvider client={client}>
      <AuthProvider>
        <RouterProvider router={router} />
      </AuthProvider>
    </QueryClientProvider>,
  );
  return { router, client };
}
