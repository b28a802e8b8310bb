import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import WalkInPage from './WalkInPage';

const CATALOGUE = [
  {
    code: 'housing',
    nameKk: 'Тұрғын үй',
    nameRu: 'Жильё',
    services: [
      { code: 'housing_advice', nameKk: 'Тұрғын үй инспекциясының кеңесі', nameRu: 'Консультация жилищной инспекции' },
      { code: 'housing_queue', nameKk: 'Тұрғын үй кезегі', nameRu: 'Очередь на жильё' },
    ],
  },
  {
    code: 'self_service',
    nameKk: 'Өзіне-өзі қызмет көрсету бұрышы',
    nameRu: 'Уголок самообслуживания',
    services: [{ code: 'eds', nameKk: 'ЭЦҚ ашу немесе жаңарту', nameRu: 'Открытие или обновление ЭЦП' }],
  },
];

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function serve(answers: ((body: { sector: string; service: string }) => Response)[]) {
  const posted: { body: { sector: string; service: string }; key?: string }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = String(input);
      if (url === '/svc/appeals/api/v1/service-visits/catalogue') return json(CATALOGUE);
      if (url === '/svc/appeals/api/v1/service-visits' && init.method === 'POST') {
        const body = JSON.parse(String(init.body));
        posted.push({ body, key: (init.headers as Record<string, string>)['Idempotency-Key'] });
        const answer = answers.shift();
        if (!answer) throw new Error('no answer left for this POST');
        return answer(body);
      }
      return json({ message: 'not found' }, 404);
    }),
  );
  return { posted };
}

const recorded = (body: { sector: string; service: string }) =>
  json(
    { id: crypto.getRandomValues(new Uint32Array(1))[0].toString(16), ...body, renderedAt: '2026-11-26T05:07:00.000Z' },
    201,
  );

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <WalkInPage />
    </QueryClientProvider>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('WalkInPage', () => {
  it('records a service in two clicks: the sector, then the service', async () => {
    const { posted } = serve([recorded]);
    const user = userEvent.setup();
    renderPage();

    await user.click(await screen.findByRole('button', { name: 'Жильё' }));
    expect(posted).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Очередь на жильё' }));

    const time = '10:07'; // 05:07 UTC on the office clock (Asia/Atyrau, UTC+5)
    expect(await screen.findByText(`Записано: Жильё · Очередь на жильё в ${time}`)).toHaveAttribute('role', 'status');
    expect(posted).toEqual([{ body: { sector: 'housing', service: 'housing_queue' }, key: expect.any(String) }]);
    const log = screen.getByRole('table');
    expect(within(log).getByText('Очередь на жильё')).toBeInTheDocument();
  });

  it('keeps a list of what this tab recorded and retries an unavailable service with the same key', async () => {
    const { posted } = serve([recorded, () => json({ message: 'Service Unavailable' }, 503), recorded]);
    const user = userEvent.setup();
    renderPage();

    await user.click(await screen.findByRole('button', { name: 'Жильё' }));
    await user.click(screen.getByRole('button', { name: 'Консультация жилищной инспекции' }));
    await screen.findByText(/Записано: Жильё · Консультация жилищной инспекции/);
    await user.click(screen.getByRole('button', { name: 'Уголок самообслуживания' }));
    await user.click(screen.getByRole('button', { name: 'Открытие или обновление ЭЦП' }));

    await screen.findByText(/Записано: Уголок самообслуживания · Открытие или обновление ЭЦП/, {}, { timeout: 3000 });
    expect(posted.map((request) => request.body)).toEqual([
      { sector: 'housing', service: 'housing_advice' },
      { sector: 'self_service', service: 'eds' },
      { sector: 'self_service', service: 'eds' },
    ]);
    expect(posted[2].key).toBe(posted[1].key);
    expect(posted[1].key).not.toBe(posted[0].key);
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(3); // header + 2
  });

  it('after retries give up, clicking the same service again re-uses its key (the visit may have arrived)', async () => {
    const unavailable = () => json({ message: 'appeals is not answering' }, 502);
    const { posted } = serve([unavailable, unavailable, unavailable, unavailable, recorded, recorded]);
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Жильё' }));
    await user.click(screen.getByRole('button', { name: 'Очередь на жильё' }));
    await screen.findByRole('alert', {}, { timeout: 8000 });
    expect(posted).toHaveLength(4);

    await user.click(screen.getByRole('button', { name: 'Очередь на жильё' }));
    await screen.findByText(/Записано: Жильё · Очередь на жильё/);
    expect(posted[4].key).toBe(posted[0].key);
    await user.click(screen.getByRole('button', { name: 'Очередь на жильё' }));
    await screen.findAllByText(/Записано: Жильё · Очередь на жильё/);
    await vi.waitFor(() => expect(posted).toHaveLength(6));
    expect(posted[5].key).not.toBe(posted[0].key);
  }, 15_000);

  it('says so when the service refuses', async () => {
    serve([() => json({ message: 'Forbidden' }, 403)]);
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Жильё' }));
    await user.click(screen.getByRole('button', { name: 'Очередь на жильё' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Ваша роль не позволяет это действие');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
