import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { TrackingView } from './tracking-api';
import TrackingPage from './TrackingPage';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });

const fullyAnswered = (over: Partial<TrackingView> = {}): TrackingView => ({
  registrationNumber: 'MAH-2026-000123',
  status: 'full_answered',
  category: 'roads',
  registeredAt: '2026-03-02T04:00:00.000Z',
  registrationDate: '2026-03-02',
  unit: { code: 'roads', nameKk: 'Жолдар бөлімі', nameRu: 'Отдел дорог' },
  deadlines: [
    { kind: 'brief_answer', dueAt: '2026-03-05T13:00:00.000Z' },
    { kind: 'full_answer', dueAt: '2026-03-23T13:00:00.000Z' },
  ],
  forwardedTo: null,
  answers: [
    {
      kind: 'brief',
      text: 'Ваше обращение принято в работу.',
      author: { name: 'Ахметов А.', position: 'Руководитель отдела' },
      answeredAt: '2026-03-03T06:00:00.000Z',
      dueAt: '2026-03-05T13:00:00.000Z',
      onTime: true,
      outcome: null,
      refusalReasons: null,
    },
    {
      kind: 'full',
      text: 'Яма на улице Абая заделана 10 марта.',
      author: { name: 'Ахметов А.', position: 'Руководитель отдела' },
      answeredAt: '2026-03-10T06:00:00.000Z',
      dueAt: '2026-03-23T13:00:00.000Z',
      onTime: true,
      outcome: 'satisfied',
      refusalReasons: null,
    },
  ],
  timeline: [
    { at: '2026-03-02T04:00:00.000Z', kind: 'registered' },
    { at: '2026-03-10T06:00:00.000Z', kind: 'full_answered' },
  ],
  feedbackGiven: false,
  reopenPossibleUntil: '2026-04-09T06:00:00.000Z',
  ...over,
});

function renderAt(path: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const router = createMemoryRouter([{ path: '/track/:registrationNumber?', element: <TrackingPage /> }], {
    initialEntries: [path],
  });
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

async function lookUp(user: ReturnType<typeof userEvent.setup>, number: string, code: string) {
  const numberInput = screen.getByLabelText('Регистрационный номер');
  await user.clear(numberInput);
  await user.type(numberInput, number);
  await user.type(screen.getByLabelText('Код отслеживания'), code);
  await user.click(screen.getByRole('button', { name: 'Показать' }));
}

type FetchStub = (url: string, init?: RequestInit) => Promise<Response>;

const headersOf = (init?: RequestInit) => new Headers(init?.headers as Record<string, string>);

describe('resident tracking', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends the code in X-Tracking-Code (never in the address) and shows status, unit, deadlines and answers', async () => {
    const fetchMock = vi.fn<FetchStub>(async () => json(200, fullyAnswered()));
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup();
    const router = renderAt('/track');

    await lookUp(user, 'mah-2026-000123', 'K7M2QX9PRA');

    expect(await screen.findByTestId('tracking-status')).toHaveTextContent('Дан полный ответ');
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/svc/appeals/api/v1/track/MAH-2026-000123');
    expect(headersOf(init).get('X-Tracking-Code')).toBe('K7M2QX9PRA');
    expect(router.state.location.pathname).toBe('/track/MAH-2026-000123');
    expect(router.state.location.pathname + router.state.location.search).not.toContain('K7M2QX9PRA');

    expect(screen.getByTestId('tracking-unit')).toHaveTextContent('Отдел дорог');
    expect(within(screen.getByTestId('tracking-deadlines')).getAllByRole('listitem')).toHaveLength(2);
    const answers = screen.getAllByTestId('tracking-answer');
    expect(answers).toHaveLength(2);
    expect(answers[1]).toHaveTextContent('Полный ответ');
    expect(answers[1]).toHaveTextContent('Яма на улице Абая заделана 10 марта.');
    expect(answers[1]).toHaveTextContent('Решение: удовлетворено');
    const timeline = screen.getByRole('heading', { name: 'Ход рассмотрения' }).nextElementSibling as HTMLElement;
    expect(
      within(timeline)
        .getAllByRole('listitem')
        .map((item) => item.lastChild?.textContent),
    ).toEqual(['Обращение зарегистрировано', 'Дан полный ответ']);
  });

  it('takes the number from the address', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(200, fullyAnswered())),
    );
    renderAt('/track/mah-2026-000123');
    expect(await screen.findByLabelText('Регистрационный номер')).toHaveValue('MAH-2026-000123');
  });

  it('says the same thing for an unknown number or a wrong code', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(404, { message: 'no appeal with this registration number and tracking code' })),
    );
    const user = userEvent.setup();
    renderAt('/track');

    await lookUp(user, 'MAH-2026-000999', 'WRONG');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Обращение с таким номером и кодом не найдено. Проверьте номер и код в талоне.',
    );
    expect(screen.queryByTestId('tracking-status')).not.toBeInTheDocument();
  });

  it('asks to wait a minute when rate-limited', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(429, { message: 'ThrottlerException: Too Many Requests' })),
    );
    const user = userEvent.setup();
    renderAt('/track');

    await lookUp(user, 'MAH-2026-000123', 'K7M2QX9PRA');

    expect(await screen.findByRole('alert')).toHaveTextContent('Слишком много попыток. Подождите минуту');
  });

  it('sends the rating from the survey and thanks the resident', async () => {
    const fetchMock = vi.fn<FetchStub>(async (url) =>
      url.endsWith('/feedback') ? json(200, fullyAnswered({ feedbackGiven: true })) : json(200, fullyAnswered()),
    );
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup();
    renderAt('/track');
    await lookUp(user, 'MAH-2026-000123', 'K7M2QX9PRA');

    const survey = await screen.findByRole('group', { name: 'Насколько вы довольны ответом?' });
    await user.click(within(survey).getByRole('radio', { name: '4 — хорошо' }));
    await user.type(screen.getByLabelText('Комментарий (необязательно)'), 'Быстро, спасибо');
    await user.click(screen.getByRole('button', { name: 'Отправить оценку' }));

    expect(await screen.findByText(/Спасибо! Ваша оценка/)).toBeInTheDocument();
    const [url, init] = fetchMock.mock.calls[1];
    expect(url).toBe('/svc/appeals/api/v1/track/MAH-2026-000123/feedback');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({
      trackingCode: 'K7M2QX9PRA',
      rating: 4,
      comment: 'Быстро, спасибо',
    });
  });

  it('does not send the survey without a rating', async () => {
    const fetchMock = vi.fn(async () => json(200, fullyAnswered()));
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup();
    renderAt('/track');
    await lookUp(user, 'MAH-2026-000123', 'K7M2QX9PRA');

    await user.click(await screen.findByRole('button', { name: 'Отправить оценку' }));

    expect(await screen.findByText('Выберите оценку от 1 до 5.')).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('requires a comment for "not resolved", then reopens the appeal and shows its new status', async () => {
    const fetchMock = vi.fn<FetchStub>(async (url) =>
      url.endsWith('/not-resolved')
        ? json(200, fullyAnswered({ status: 'reopened', reopenPossibleUntil: null }))
        : json(200, fullyAnswered()),
    );
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup();
    renderAt('/track');
    await lookUp(user, 'MAH-2026-000123', 'K7M2QX9PRA');

    expect(await screen.findByText(/В течение 30 дней после полного ответа/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Вопрос не решён' }));
    await user.click(screen.getByRole('button', { name: 'Вернуть на повторное рассмотрение' }));

    expect(await screen.findByText('Напишите, что осталось не решено.')).toBeInTheDocument();
    expect(fetchMock.mock.calls.some(([url]) => url.endsWith('/not-resolved'))).toBe(false);

    await user.type(screen.getByLabelText('Что осталось не решено'), 'Яму заделали только наполовину');
    await user.click(screen.getByRole('button', { name: 'Вернуть на повторное рассмотрение' }));

    await waitFor(() =>
      expect(screen.getByTestId('tracking-status')).toHaveTextContent('Возвращено на повторное рассмотрение'),
    );
    const call = fetchMock.mock.calls.find(([url]) => url.endsWith('/not-resolved'));
    expect(call?.[1]?.method).toBe('POST');
    expect(JSON.parse(String(call?.[1]?.body))).toEqual({
      trackingCode: 'K7M2QX9PRA',
      comment: 'Яму заделали только наполовину',
    });
    expect(
      screen.getByText(/Обращение возвращено на повторное рассмотрение\. Состояние обновлено/),
    ).toBeInTheDocument();
    // Reopened: no longer the moment for the survey.
    expect(screen.queryByRole('group', { name: 'Насколько вы довольны ответом?' })).not.toBeInTheDocument();
  });

  it('shows the service’s reason when it refuses (409)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        url.endsWith('/feedback')
          ? json(409, { message: 'feedback has already been given for this appeal' })
          : json(200, fullyAnswered()),
      ),
    );
    const user = userEvent.setup();
    renderAt('/track');
    await lookUp(user, 'MAH-2026-000123', 'K7M2QX9PRA');
    await user.click(await screen.findByRole('radio', { name: '5 — отлично' }));
    await user.click(screen.getByRole('button', { name: 'Отправить оценку' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('feedback has already been given for this appeal');
  });
});
