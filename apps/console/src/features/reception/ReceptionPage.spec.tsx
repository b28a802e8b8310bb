import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { UserEvent } from '@testing-library/user-event';
import { AuthProvider } from '../../auth/auth-context';
import ReceptionPage from './ReceptionPage';

const VALID_IIN = '950101300016';
const WRONG_CHECK_DIGIT_IIN = '950101300013';
const SESSION = {
  id: '6f1c2f1e-5b7a-4c1d-9e3f-0a1b2c3d4e5f',
  officialName: 'Қуаныш Ерғалиев',
  officialPosition: 'akim',
  place: 'Ашық әкімдік',
  startsAt: new Date().toISOString(),
  endsAt: null,
  openedBy: 'Айгерім Төлеуова',
};
const CATEGORIES = [
  { code: 'housing', nameKk: 'Тұрғын үй', nameRu: 'Жилищные вопросы' },
  { code: 'roads', nameKk: 'Жолдар', nameRu: 'Дороги' },
];
const UNITS = [
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
const REGISTERED = {
  id: '0b6f1c2e-1111-4c1d-9e3f-0a1b2c3d4e5f',
  registrationNumber: 'ЖТ-2026-000123',
  trackingCode: 'K7M2Q9',
  status: 'registered',
  registeredAt: new Date().toISOString(),
};

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

interface Sent {
  body: Record<string, unknown>;
  key: string | undefined;
}

/** The gateway as the desk sees it; each POST of an appeal is answered by the next of `answers`. */
function serve(answers: (() => Response)[]) {
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

function signInAsOperator() {
  const claims = { sub: 'demo:operator', name: 'Айгерім Төлеуова', roles: ['operator'], exp: Date.now() / 1000 + 3600 };
  const payload = btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(claims))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
  sessionStorage.setItem('akimat.staffToken', `header.${payload}.signature`);
}

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <AuthProvider>
        <ReceptionPage />
      </AuthProvider>
    </QueryClientProvider>,
  );
}

async function chooseTodaysSession(user: UserEvent) {
  await screen.findByRole('option', { name: /Қуаныш Ерғалиев/ });
  await user.selectOptions(screen.getByLabelText('Сегодняшний приём'), SESSION.id);
}

async function fillAppeal(user: UserEvent, iin = VALID_IIN) {
  await user.type(screen.getByLabelText('ФИО заявителя'), 'Серікова Әсел');
  await user.type(screen.getByLabelText('ИИН'), iin);
  await user.type(screen.getByLabelText('Телефон'), '8 701 123 45 67');
  await screen.findByRole('option', { name: 'Жилищные вопросы' });
  await user.selectOptions(screen.getByLabelText('Тема обращения'), 'housing');
  await user.type(screen.getByLabelText('Текст обращения'), 'Протекает крыша');
}

const saveButton = () => screen.getByRole('button', { name: 'Зарегистрировать обращение' });

beforeEach(() => {
  signInAsOperator();
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('ReceptionPage', () => {
  it('renders the card at once with the first field focused, before the pickers arrive', () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise<Response>(() => undefined)),
    );
    renderPage();
    expect(screen.getByLabelText('ФИО заявителя')).toHaveFocus();
    expect(screen.getByLabelText('Тема обращения')).toBeInTheDocument();
  });

  describe('IIN checked as it is typed', () => {
    it('shows the digits typed so far and refuses to send fewer than 12', async () => {
      const { sent } = serve([]);
      const user = userEvent.setup();
      renderPage();
      await chooseTodaysSession(user);
      await fillAppeal(user, VALID_IIN.slice(0, 11));
      const iin = screen.getByLabelText('ИИН');
      // Left with 11 digits: the count stays and it says 12 are needed.
      expect(iin).toHaveAccessibleDescription(expect.stringContaining('11 из 12 цифр'));

      await user.click(saveButton());

      expect(iin).toHaveAccessibleDescription(expect.stringContaining('В ИИН должно быть 12 цифр.'));
      expect(iin).toHaveFocus();
      expect(sent).toHaveLength(0);
    });

    it('accepts a valid IIN without an error', async () => {
      serve([]);
      const user = userEvent.setup();
      renderPage();
      await user.type(screen.getByLabelText('ИИН'), VALID_IIN);
      const iin = screen.getByLabelText('ИИН');
      expect(iin).toHaveAttribute('aria-invalid', 'false');
      expect(iin).toHaveAccessibleDescription(expect.stringContaining('ИИН верный'));
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    });

    it('says the check digit is wrong as soon as the 12th digit is in, before leaving the field', async () => {
      serve([]);
      const user = userEvent.setup();
      renderPage();
      const iin = screen.getByLabelText('ИИН');
      await user.type(iin, WRONG_CHECK_DIGIT_IIN.slice(0, 11));
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();

      await user.type(iin, WRONG_CHECK_DIGIT_IIN.slice(11));

      expect(iin).toHaveFocus();
      expect(iin).toHaveAttribute('aria-invalid', 'true');
      expect(screen.getByRole('alert')).toHaveTextContent('ИИН неверный: не совпадает контрольная цифра');
    });
  });

  it('sends the appeal with an Idempotency-Key and shows the registration number and tracking code', async () => {
    const { sent } = serve([() => json(REGISTERED, 201)]);
    const user = userEvent.setup();
    renderPage();
    await chooseTodaysSession(user);
    await fillAppeal(user);

    await user.click(saveButton());

    expect(await screen.findByTestId('registration-number')).toHaveTextContent('ЖТ-2026-000123');
    expect(screen.getByTestId('tracking-code')).toHaveTextContent('K7M2Q9');
    expect(sent).toHaveLength(1);
    expect(sent[0].key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(sent[0].body).toEqual({
      anonymous: false,
      resident: { fullName: 'Серікова Әсел', iin: VALID_IIN, phone: '+77011234567', language: 'ru' },
      receptionSessionId: SESSION.id,
      channel: 'reception',
      category: 'housing',
      text: 'Протекает крыша',
    });
    // Registered: the draft is gone from the tab.
    expect(sessionStorage.getItem('akimat.reception.draft')).toBeNull();
  });

  it('retries a 503 with the same Idempotency-Key and shows the registration number', async () => {
    const { sent } = serve([() => json({ message: 'Service Unavailable' }, 503), () => json(REGISTERED, 201)]);
    const user = userEvent.setup();
    renderPage();
    await chooseTodaysSession(user);
    await fillAppeal(user);

    await user.click(saveButton());
    expect(screen.getByRole('button', { name: 'Сохранение…' })).toBeDisabled();

    expect(await screen.findByTestId('registration-number', {}, { timeout: 3000 })).toHaveTextContent('ЖТ-2026-000123');
    expect(sent).toHaveLength(2);
    expect(sent[1].key).toBe(sent[0].key);
    expect(sent[1].body).toEqual(sent[0].body);
  });

  it('after retries give up, keeps the draft and sends the same key when saved again', async () => {
    const unavailable = () => json({ message: 'Bad Gateway' }, 502);
    const { sent } = serve([unavailable, unavailable, unavailable, unavailable, () => json(REGISTERED, 201)]);
    const user = userEvent.setup();
    renderPage();
    await chooseTodaysSession(user);
    await fillAppeal(user);

    await user.click(saveButton());

    expect(await screen.findByText(/Сервис временно не отвечает/, {}, { timeout: 6000 })).toBeInTheDocument();
    expect(sent).toHaveLength(4);
    expect(screen.getByLabelText('Текст обращения')).toHaveValue('Протекает крыша');

    await user.click(saveButton());

    expect(await screen.findByTestId('registration-number')).toBeInTheDocument();
    expect(new Set(sent.map((request) => request.key)).size).toBe(1);
  }, 10_000);

  it('shows a 400 violation next to the field it names', async () => {
    serve([
      () =>
        json(
          {
            message: 'Bad Request',
            violations: [{ field: 'resident.phone', rule: 'matches', message: 'phone must be a Kazakhstan number' }],
          },
          400,
        ),
    ]);
    const user = userEvent.setup();
    renderPage();
    await chooseTodaysSession(user);
    await fillAppeal(user);

    await user.click(saveButton());

    const phone = screen.getByLabelText('Телефон');
    await waitFor(() =>
      // The service's English message, said in the person's language (rule "matches").
      expect(phone).toHaveAccessibleDescription(expect.stringContaining('Значение не подходит по формату.')),
    );
    expect(phone).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('ИИН')).toHaveAttribute('aria-invalid', 'false');
    expect(screen.queryByTestId('registration-number')).not.toBeInTheDocument();
  });

  it('restores what was typed after a re-mount, with the same Idempotency-Key', async () => {
    const { sent } = serve([() => json(REGISTERED, 201)]);
    const user = userEvent.setup();
    const first = renderPage();
    await user.type(screen.getByLabelText('ФИО заявителя'), 'Серікова Әсел');
    await user.type(screen.getByLabelText('Текст обращения'), 'Протекает крыша');
    const keyBefore = JSON.parse(sessionStorage.getItem('akimat.reception.draft') ?? '{}').idempotencyKey;
    first.unmount();

    renderPage();

    expect(screen.getByLabelText('ФИО заявителя')).toHaveValue('Серікова Әсел');
    expect(screen.getByLabelText('Текст обращения')).toHaveValue('Протекает крыша');
    await chooseTodaysSession(user);
    await user.type(screen.getByLabelText('ИИН'), VALID_IIN);
    await user.type(screen.getByLabelText('Телефон'), '+7 701 123 45 67');
    await screen.findByRole('option', { name: 'Жилищные вопросы' });
    await user.selectOptions(screen.getByLabelText('Тема обращения'), 'housing');
    await user.click(saveButton());
    await screen.findByTestId('registration-number');
    expect(keyBefore).toEqual(expect.any(String));
    expect(sent[0].key).toBe(keyBefore);
  });

  it('saves with Ctrl+Enter but not with Enter in the text', async () => {
    const { sent } = serve([() => json(REGISTERED, 201)]);
    const user = userEvent.setup();
    renderPage();
    await chooseTodaysSession(user);
    await fillAppeal(user);
    const text = screen.getByLabelText('Текст обращения');

    await user.type(text, '{Enter}вторая строка');
    expect(text).toHaveValue('Протекает крыша\nвторая строка');
    expect(sent).toHaveLength(0);

    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await screen.findByTestId('registration-number')).toBeInTheDocument();
    expect(sent).toHaveLength(1);
  });

  it('records an anonymous appeal outside a session without resident details', async () => {
    const { sent } = serve([() => json(REGISTERED, 201)]);
    const user = userEvent.setup();
    renderPage();
    await user.click(screen.getByLabelText('Вне приёма'));
    await user.selectOptions(screen.getByLabelText('Канал обращения'), 'phone');
    await user.click(screen.getByLabelText('Анонимное обращение'));
    expect(screen.queryByLabelText('ФИО заявителя')).not.toBeInTheDocument();
    await user.click(screen.getByLabelText(/угрозы общественной безопасности/));
    await screen.findByRole('option', { name: 'Дороги' });
    await user.selectOptions(screen.getByLabelText('Тема обращения'), 'roads');
    await user.type(screen.getByLabelText('Текст обращения'), 'Ночью на трассе стреляли');

    await user.click(saveButton());

    await screen.findByTestId('registration-number');
    expect(sent[0].body).toEqual({
      anonymous: true,
      concernsPublicSafety: true,
      channel: 'phone',
      category: 'roads',
      text: 'Ночью на трассе стреляли',
    });
  });

  it('"Record next appeal" clears the card but keeps the session', async () => {
    const { sent } = serve([() => json(REGISTERED, 201), () => json({ ...REGISTERED, id: 'second' }, 201)]);
    const user = userEvent.setup();
    renderPage();
    await chooseTodaysSession(user);
    await fillAppeal(user);
    await user.click(saveButton());
    await screen.findByTestId('registration-number');

    await user.click(screen.getByRole('button', { name: 'Записать следующее обращение' }));

    expect(screen.getByLabelText('ФИО заявителя')).toHaveValue('');
    expect(screen.getByLabelText('ФИО заявителя')).toHaveFocus();
    expect(screen.getByLabelText('Сегодняшний приём')).toHaveValue(SESSION.id);
    await fillAppeal(user);
    await user.click(saveButton());
    await screen.findByTestId('registration-number');
    expect(sent[1].body.receptionSessionId).toBe(SESSION.id);
    expect(sent[1].key).not.toBe(sent[0].key);
  });

  it('offers a download link when the receipt window is blocked', async () => {
    serve([() => json(REGISTERED, 201)]);
    const user = userEvent.setup();
    renderPage();
    await chooseTodaysSession(user);
    await fillAppeal(user);
    await user.click(saveButton());
    await screen.findByTestId('registration-number');
    const pdf = vi.fn(async () => new Response(new Blob(['%PDF-1.7']), { status: 200 }));
    const api = globalThis.fetch;
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
      String(input).includes('/receipt.pdf') ? pdf() : api(input, init),
    );
    vi.spyOn(window, 'open').mockReturnValue(null);
    vi.stubGlobal(
      'URL',
      class extends URL {
        static override createObjectURL = () => 'blob:receipt';
        static override revokeObjectURL = () => undefined;
      },
    );

    await user.click(screen.getByRole('button', { name: 'Печать расписки (қазақша)' }));

    const link = await screen.findByRole('link', { name: 'Скачать расписку (қазақша)' });
    expect(link).toHaveAttribute('href', 'blob:receipt');
    expect(pdf).toHaveBeenCalledTimes(1);
    expect(within(link.parentElement as HTMLElement).getByText(/не дал открыть новое окно/)).toBeInTheDocument();
  });

  it('keeps the registration number and tracking code across a reload until "Record next"', async () => {
    serve([() => json(REGISTERED, 201)]);
    const user = userEvent.setup();
    const first = renderPage();
    await chooseTodaysSession(user);
    await fillAppeal(user);
    await user.click(saveButton());
    await screen.findByTestId('registration-number');
    first.unmount();

    renderPage();
    expect(screen.getByTestId('registration-number')).toHaveTextContent(REGISTERED.registrationNumber);
    expect(screen.getByTestId('tracking-code')).toHaveTextContent(REGISTERED.trackingCode);
    await user.click(screen.getByRole('button', { name: 'Записать следующее обращение' }));
    expect(screen.queryByTestId('registration-number')).not.toBeInTheDocument();
    expect(sessionStorage.getItem('akimat.reception.registered')).toBeNull();
  });

  it('on a 409 (its key already used for other content) offers to send the card as a new appeal, with a new key', async () => {
    const { sent } = serve([
      () => json({ statusCode: 409, message: 'Idempotency-Key was used for a different request' }, 409),
      () => json(REGISTERED, 201),
    ]);
    const user = userEvent.setup();
    renderPage();
    await chooseTodaysSession(user);
    await fillAppeal(user);
    await user.click(saveButton());
    await screen.findByText(/уже отправлялась раньше с другим содержанием/);
    expect(screen.getByLabelText('ФИО заявителя')).toHaveValue('Серікова Әсел');

    await user.click(screen.getByRole('button', { name: 'Отправить как новое обращение' }));
    await user.click(saveButton());
    await screen.findByTestId('registration-number');
    expect(sent).toHaveLength(2);
    expect(sent[1].key).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[1].key).not.toBe(sent[0].key);
    expect(sent[1].body).toEqual(sent[0].body);
  });
});
