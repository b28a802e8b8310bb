import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { InboxItem } from './inbox-api';
import InboxPage from './InboxPage';
import { json, renderSignedIn, stubFetch } from './test-support';

const HOUR = 60 * 60 * 1000;
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

function item(id: string, registrationNumber: string, nextDueAt: string | null): InboxItem {
  return {
    id,
    registrationNumber,
    status: 'assigned',
    category: 'roads',
    locality: 'Махамбет',
    anonymous: false,
    textPreview: 'Жол жөндеу',
    registeredAt: inHours(-48),
    unit: { code: 'housing-inspection', nameKk: 'Тұрғын үй инспекциясы', nameRu: 'Жилищная инспекция' },
    deadlines: nextDueAt
      ? [
          { kind: 'brief_answer', dueAt: nextDueAt },
          { kind: 'full_answer', dueAt: inHours(24 * 15) },
        ]
      : [],
    nextDueAt,
    overdue: nextDueAt !== null && Date.parse(nextDueAt) < Date.now(),
  };
}

const page = (items: InboxItem[]) => ({ items, total: items.length, limit: 50, offset: 0 });
const categories = [{ code: 'roads', nameKk: 'Жолдар', nameRu: 'Дороги' }];

const overdue = item('a1', 'МХ-2026-0001', inHours(-3));
const soon = item('a2', 'МХ-2026-0002', inHours(5));
const later = item('a3', 'МХ-2026-0003', inHours(72));
const newcomer = item('a4', 'МХ-2026-0004', inHours(100));

function bodyRows() {
  const table = screen.getByRole('table', { name: 'Обращения вашего подразделения, ближайший срок — первым' });
  return within(table).getAllByRole('row').slice(1);
}

describe('InboxPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists the unit’s appeals soonest due first, marking overdue and soon-due rows in words', async () => {
    const { calls } = stubFetch(({ url }) => {
      if (url.startsWith('/svc/appeals/api/v1/appeals?')) return json(200, page([overdue, soon, later]));
      if (url === '/svc/appeals/api/v1/categories') return json(200, categories);
      return undefined;
    });
    renderSignedIn([{ path: '/inbox', element: <InboxPage refetchInterval={60_000} /> }], {
      at: '/inbox',
      roles: ['department_head'],
      unit: 'housing-inspection',
    });

    await screen.findByRole('link', { name: 'МХ-2026-0001' });
    const listUrl = calls.find((call) => call.url.startsWith('/svc/appeals/api/v1/appeals?'))?.url ?? '';
    const params = new URL(listUrl, 'http://console').searchParams;
    expect(params.get('sort')).toBe('due');
    // A unit head is scoped by his token; the console does not ask for another unit.
    expect(params.has('unitId')).toBe(false);

    const rows = bodyRows();
    expect(rows.map((row) => within(row).getByRole('link').textContent)).toEqual([
      'МХ-2026-0001',
      'МХ-2026-0002',
      'МХ-2026-0003',
    ]);
    expect(within(rows[0]).getByRole('link')).toHaveAttribute('href', '/inbox/a1');
    expect(rows[0]).toHaveClass('overdue');
    expect(within(rows[0]).getByText('Просрочено')).toBeInTheDocument();
    expect(rows[1]).toHaveClass('due-soon');
    expect(within(rows[1]).getByText('Срок в течение суток')).toBeInTheDocument();
    expect(rows[2]).not.toHaveClass('overdue');
    expect(rows[2]).not.toHaveClass('due-soon');
    expect(within(rows[2]).queryByText('Просрочено')).not.toBeInTheDocument();
    expect(within(rows[0]).getByText('Назначено исполнителю')).toBeInTheDocument();
    expect(await within(rows[0]).findByText('Дороги')).toBeInTheDocument();
  });

  it('shows a newly assigned appeal on the next poll and announces it', async () => {
    let polls = 0;
    stubFetch(({ url }) => {
      if (url.startsWith('/svc/appeals/api/v1/appeals?')) {
        polls += 1;
        return json(200, page(polls === 1 ? [soon, later] : [soon, later, newcomer]));
      }
      if (url === '/svc/appeals/api/v1/categories') return json(200, categories);
      return undefined;
    });
    renderSignedIn([{ path: '/inbox', element: <InboxPage refetchInterval={100} /> }], {
      at: '/inbox',
      roles: ['rural_akim'],
      unit: 'zhalgansay-district',
    });

    await screen.findByRole('link', { name: 'МХ-2026-0002' });
    expect(screen.queryByRole('link', { name: 'МХ-2026-0004' })).not.toBeInTheDocument();
    const live = screen.getByText(
      (_, element) =>
        element?.getAttribute('aria-live') === 'polite' && element.classList.contains('inbox-announcement'),
    );
    expect(live).toHaveTextContent('');

    expect(await screen.findByRole('link', { name: 'МХ-2026-0004' }, { timeout: 2000 })).toBeInTheDocument();
    await waitFor(() => expect(live).toHaveTextContent('Поступило 1 новое обращение'));
    expect(bodyRows()).toHaveLength(3);
  });

  it('asks only for overdue appeals when the filter is ticked', async () => {
    const { calls } = stubFetch(({ url }) => {
      if (url.startsWith('/svc/appeals/api/v1/appeals?')) {
        const overdueOnly = new URL(url, 'http://console').searchParams.get('overdue') === 'true';
        return json(200, page(overdueOnly ? [overdue] : [soon]));
      }
      return json(200, []);
    });
    renderSignedIn([{ path: '/inbox', element: <InboxPage refetchInterval={60_000} /> }], {
      at: '/inbox',
      roles: ['department_head'],
      unit: 'housing-inspection',
    });
    await screen.findByRole('link', { name: 'МХ-2026-0002' });

    await userEvent.click(screen.getByRole('checkbox', { name: 'Только просроченные' }));

    await screen.findByRole('link', { name: 'МХ-2026-0001' });
    expect(screen.queryByRole('link', { name: 'МХ-2026-0002' })).not.toBeInTheDocument();
    expect(calls.some((call) => call.url.includes('overdue=true'))).toBe(true);
    // A row that appears because the filter changed is not a new assignment.
    expect(screen.queryByText(/Поступило \d/)).not.toBeInTheDocument();
  });

  it('gives leadership a unit picker, all units by default', async () => {
    const { calls } = stubFetch(({ url }) => {
      if (url.startsWith('/svc/appeals/api/v1/appeals?')) return json(200, page([later]));
      if (url === '/svc/routing/api/v1/units') {
        return json(200, {
          items: [
            {
              code: 'housing-inspection',
              kind: 'department',
              nameKk: 'Тұрғын үй инспекциясы',
              nameRu: 'Жилищная инспекция',
              active: true,
            },
          ],
        });
      }
      return json(200, []);
    });
    renderSignedIn([{ path: '/inbox', element: <InboxPage refetchInterval={60_000} /> }], {
      at: '/inbox',
      roles: ['akim'],
    });
    const picker = await screen.findByRole('combobox', { name: 'Подразделение' });
    expect(picker).toHaveValue('');
    await screen.findByRole('option', { name: 'Жилищная инспекция' });
    expect(new URL(calls[0].url, 'http://console').searchParams.has('unitId')).toBe(false);

    await userEvent.selectOptions(picker, 'housing-inspection');
    await waitFor(() => expect(calls.some((call) => call.url.includes('unitId=housing-inspection'))).toBe(true));
  });
});
