// The reception desk's component tests share this: the gateway as the desk sees it, sign-in, filling a card.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, vi } from 'vitest';
import { AuthProvider } from '../../auth/auth-context';
import ReceptionPage from './ReceptionPage';

export const VALID_IIN = '950101300016';
export const WRONG_CHECK_DIGIT_IIN = '950101300013';
export const SESSION = {
  id: '6f1c2f1e-5b7a-4c1d-9e3f-0a1b2c3d4e5f',
  officialName: 'Қуаныш Ерғалиев',
  officialPosition: 'akim',
  place: 'Ашық әкімдік',
  startsAt: new Date().toISOString(),
  endsAt: null,
  openedBy: 'Айгерім Төлеуова',
};
export const CATEGORIES = [
  { code: 'housing', nameKk: 'Тұрғын үй', nameRu: 'Жилищные вопросы' },
  { code: 'roads', nameKk: 'Жолдар', nameRu: 'Дороги' },
];
export const UNITS = [
  {
    code: 'rd-beybarys',
    kind: 'rural_district',
    nameKk: 'Бейбарыс ауылдық округі',
    nameRu: 'Бейбарысский сельский округ',
    active: true,
  },
  {
    code: 'housing-inspection',
    kind: 'department',
    nameKk: 'Тұрғын үй инспекциясы бөлімі',
    nameRu: 'Отдел жилищной инспекции',
    active: true,
  },
];
export const REGISTERED = {
  id: '0b6f1c2e-1111-4c1d-9e3f-0a1b2c3d4e5f',
  registrationNumber: 'ЖТ-2026-000123',
  trackingCode: 'K7M2Q9',
  status: 'registered',
  registeredAt: new Date().toISOString(),
};

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

interface Sent {
  body: Record<string, unknown>;
  key: string | undefined;
}

/** The gateway as the desk sees it; each POST of an appeal is answered by the next of `answers`. */
export function serve(answers: (() => Response)[]) {
  const sent: Sent[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const method = init.method ?? 'GET';
    if (url === '/svc/appeals/api/v1/categories') return json(CATEGORIES);
    if (url === '/svc/routing/api/v1/units') return json({ items: UNITS });
    if (url.startsWith('/svc/appeals/api/v1/reception-sessions?date=')) return json([SESSION]);
    if (url === '/svc/appeals/api/v1/appeals' && method === 'POST') {
      const headers = init.headers as Record<string, string>;
      sent.push({ body: JSON.parse(String(init.body)), key: headers['Idempotency-Key'] });
      const answer = answers.shift();
      if (!answer) throw new Error('no answer left for this POST');
      return answer();
    }
    return json({ message: `unexpected ${method} ${url}` }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { sent };
}

export function signInAsOperator() {
  const claims = { sub: 'demo:operator', name: 'Айгерім Төлеуова', roles: ['operator'], exp: Date.now() / 1000 + 3600 };
  const payload = btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(claims))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
  sessionStorage.setItem('akimat.staffToken', `header.${payload}.signature`);
}

export function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <AuthProvider>
        <ReceptionPage />
      </AuthProvider>
    </QueryClientProvider>,
  );
}

export async function chooseTodaysSession(user: UserEvent) {
  await screen.findByRole('option', { name: /Қуаныш Ерғалиев/ });
  await user.selectOptions(screen.getByLabelText('Сегодняшний приём'), SESSION.id);
}

export async function fillAppeal(user: UserEvent, iin = VALID_IIN) {
  await user.type(screen.getByLabelText('ФИО заявителя'), 'Серікова Әсел');
  await user.type(screen.getByLabelText('ИИН'), iin);
  await user.type(screen.getByLabelText('Телефон'), '8 701 123 45 67');
  await screen.findByRole('option', { name: 'Жилищные вопросы' });
  await user.selectOptions(screen.getByLabelText('Тема обращения'), 'housing');
  await user.type(screen.getByLabelText('Текст обращения'), 'Протекает крыша');
}

export const saveButton = () => screen.getByRole('button', { name: 'Зарегистрировать обращение' });

/** The whole happy path at the desk: today's session, a filled card, saved, its number shown. */
export async function recordAppealInTodaysSession(user: UserEvent) {
  await chooseTodaysSession(user);
  await fillAppeal(user);
  await user.click(saveButton());
  await screen.findByTestId('registration-number');
}

/** Each test at the desk: an operator signed in, the gateway stubbed afresh. */
export function atTheReceptionDesk(): void {
  beforeEach(() => {
    signInAsOperator();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });
}
