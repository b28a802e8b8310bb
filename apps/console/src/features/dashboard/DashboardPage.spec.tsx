import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { AppealMeasures, OverdueAppeal } from './dashboard-api';
import DashboardPage from './DashboardPage';

// jsdom has no canvas: the chart stands in as the image it is, with the figures it was given.
vi.mock('react-chartjs-2', () => ({
  Bar: (props: { 'aria-label'?: string; role?: string; data: { labels: string[] } }) => (
    <div role={props.role} aria-label={props['aria-label']} data-labels={props.data.labels.join('|')} />
  ),
}));

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });

const measures = (over: Partial<AppealMeasures> = {}): AppealMeasures => ({
  registered: 0,
  routed: 0,
  reassigned: 0,
  briefAnswers: { onTime: 0, late: 0 },
  fullAnswers: { onTime: 0, late: 0 },
  deadlinesMissed: 0,
  openNow: 0,
  overdueNow: 0,
  hoursToBriefAnswer: { median: null, p90: null },
  hoursToFullAnswer: { median: null, p90: null },
  satisfaction: { average: null, distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 } },
  ...over,
});

const housing = { code: 'housing-inspection', nameKk: 'Тұрғын үй инспекциясы', nameRu: 'Жилищная инспекция' };
const roads = { code: 'roads', nameKk: 'Жолдар бөлімі', nameRu: 'Отдел дорог' };

const appeal = (id: string, number: string, unit: typeof housing | null): OverdueAppeal => ({
  id,
  registrationNumber: number,
  status: 'assigned',
  category: 'roads',
  registeredAt: '2026-03-01T05:00:00.000Z',
  unit,
  nextDueAt: '2026-03-04T13:00:00.000Z',
});

function stubApi() {
  const fetchMock = vi.fn(async (url: string) => {
    const path = new URL(url, 'http://console').pathname;
    const query = new URL(url, 'http://console').searchParams;
    if (path === '/svc/appeals/api/v1/appeals') {
      expect(query.get('overdue')).toBe('true');
      return json(200, {
        items: [
          appeal('a1', 'MAH-2026-000001', housing),
          appeal('a2', 'MAH-2026-000002', roads),
          appeal('a3', 'MAH-2026-000003', housing),
          appeal('a4', 'MAH-2026-000004', null),
        ],
        total: 4,
        limit: 200,
        offset: 0,
      });
    }
    if (path === '/svc/routing/api/v1/units') return json(200, { items: [housing, roads] });
    if (path === '/svc/appeals/api/v1/categories') {
      return json(200, [{ code: 'roads', nameKk: 'Жолдар', nameRu: 'Дороги' }]);
    }
    if (path === '/svc/appeals/api/v1/service-visits/catalogue') return json(200, []);
    if (path === '/svc/stats/api/v1/stats/summary') {
      return json(200, {
        ...measures({ briefAnswers: { onTime: 3, late: 1 }, fullAnswers: { onTime: 1, late: 1 }, overdueNow: 4 }),
        byCategory: {},
        byChannel: {},
        byUnit: {},
        services: { total: 0, bySector: [] },
      });
    }
    if (path === '/svc/stats/api/v1/stats/breakdown') {
      const by = query.get('by');
      if (by === 'unit')
        return json(200, { by, rows: [{ key: 'roads', ...measures({ briefAnswers: { onTime: 1, late: 0 } }) }] });
      if (by === 'category') return json(200, { by, rows: [{ key: 'roads', ...measures({ registered: 12 }) }] });
      return json(200, { by, rows: [{ key: 'Махамбет', ...measures({ registered: 5 }) }] });
    }
    if (path === '/svc/stats/api/v1/stats/report') {
      expect(query.get('year')).toBe(String(new Date().getFullYear()));
      return json(200, {
        year: new Date().getFullYear(),
        from: '',
        to: '',
        appeals: measures({ registered: 30 }),
        appealsByUnit: [{ key: 'roads', ...measures({ registered: 30 }) }],
        appealsByCategory: [],
        services: { total: 0, bySector: [] },
      });
    }
    return json(404, { message: `unexpected ${url}` });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderDashboard() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter([{ path: '/dashboard', element: <DashboardPage /> }], {
    initialEntries: ['/dashboard'],
  });
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

describe('dashboard', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('counts overdue appeals by unit and links each to its page for reassignment or extension', async () => {
    stubApi();
    renderDashboard();

    const table = await screen.findByTestId('overdue-by-unit');
    expect(within(table).getByTestId('overdue-count-housing-inspection')).toHaveTextContent('2');
    expect(within(table).getByTestId('overdue-count-roads')).toHaveTextContent('1');
    expect(within(table).getByTestId('overdue-count-unrouted')).toHaveTextContent('1');
    // The unit with most overdue comes first (ties by name), named in the reader's language.
    const units = within(table)
      .getAllByRole('rowheader')
      .map((cell) => cell.textContent);
    expect(units).toEqual(['Жилищная инспекция', 'Ещё не распределено', 'Отдел дорог']);
    expect(screen.getByText('Всего просроченных обращений: 4')).toBeInTheDocument();

    const link = within(table).getByRole('link', { name: 'Переназначить / продлить: MAH-2026-000002' });
    expect(link).toHaveAttribute('href', '/inbox/a2');
  });

  it('shows on-time rates overall and by unit', async () => {
    stubApi();
    renderDashboard();

    const rates = await screen.findByTestId('on-time-rates');
    const overall = within(rates).getByRole('row', { name: /Весь акимат/ });
    expect(overall).toHaveTextContent('75 %');
    expect(overall).toHaveTextContent('3 из 4');
    expect(overall).toHaveTextContent('50 %');
    expect(await within(rates).findByRole('row', { name: /Отдел дорог/ })).toHaveTextContent('100 %');
  });

  it('draws appeals by category and locality as images with the figures in tables', async () => {
    stubApi();
    renderDashboard();

    expect(await screen.findByRole('img', { name: /Обращения по категориям/ })).toBeInTheDocument();
    const categories = await screen.findByRole('table', { name: 'Обращения по категориям' });
    expect(await within(categories).findByRole('row', { name: /Дороги/ })).toHaveTextContent('12');
    const localities = await screen.findByRole('table', { name: 'Обращения по населённым пунктам' });
    expect(within(localities).getByRole('row', { name: /Махамбет/ })).toHaveTextContent('5');
  });

  it('shows the annual report for this year with a CSV download', async () => {
    stubApi();
    renderDashboard();

    expect(await screen.findByTestId('report-measures')).toHaveTextContent('30');
    expect(screen.getByRole('combobox', { name: 'Год' })).toHaveValue(String(new Date().getFullYear()));
    expect(screen.getByRole('button', { name: 'Скачать CSV' })).toBeEnabled();
  });

  it('refreshes the figures every 30 seconds', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const fetchMock = stubApi();
      renderDashboard();
      await screen.findByTestId('overdue-by-unit');
      const calls = (path: string) => fetchMock.mock.calls.filter(([url]) => url.includes(path)).length;
      expect(calls('/appeals?overdue=true')).toBe(1);
      expect(calls('/stats/summary')).toBe(1);

      await act(() => vi.advanceTimersByTimeAsync(25_000));
      expect(calls('/appeals?overdue=true')).toBe(1);

      await act(() => vi.advanceTimersByTimeAsync(6_000));
      await waitFor(() => expect(calls('/appeals?overdue=true')).toBe(2));
      expect(calls('/stats/summary')).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
