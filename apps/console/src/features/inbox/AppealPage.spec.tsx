import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { APPEAL_ID, appealCard } from './appeal-fixtures';
import AppealPage from './AppealPage';
import { AppealCard } from './inbox-api';
import { FetchCall, json, renderSignedIn, stubFetch } from './test-support';

const CARD_URL = `/svc/appeals/api/v1/appeals/${APPEAL_ID}`;

function openAppeal(
  roles: Parameters<typeof renderSignedIn>[1]['roles'],
  respond: (call: FetchCall) => Response | undefined,
  card: Partial<AppealCard> = {},
) {
  const stub = stubFetch((call) => {
    if (call.method === 'GET' && call.url === CARD_URL) return json(200, appealCard(card));
    if (call.url === '/svc/appeals/api/v1/categories')
      return json(200, [{ code: 'roads', nameKk: 'Жолдар', nameRu: 'Дороги' }]);
    if (call.url === '/svc/routing/api/v1/units') {
      return json(200, {
        items: [
          {
            code: 'housing-inspection',
            kind: 'department',
            nameKk: 'Тұрғын үй инспекциясы',
            nameRu: 'Жилищная инспекция',
            active: true,
          },
          {
            code: 'land-relations',
            kind: 'department',
            nameKk: 'Жер қатынастары бөлімі',
            nameRu: 'Отдел земельных отношений',
            active: true,
          },
        ],
      });
    }
    return respond(call);
  });
  const rendered = renderSignedIn(
    [
      { path: '/inbox/:appealId', element: <AppealPage /> },
      { path: '/inbox', element: <p>inbox list</p> },
    ],
    { at: `/inbox/${APPEAL_ID}`, roles, unit: roles.includes('department_head') ? 'housing-inspection' : undefined },
  );
  return { ...stub, ...rendered };
}

const posts = (calls: FetchCall[]) => calls.filter((call) => call.method === 'POST');

describe('AppealPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the card with the resident’s name and language but never the IIN or phone', async () => {
    openAppeal(['department_head'], () => undefined);
    expect(await screen.findByRole('heading', { name: 'Обращение МХ-2026-0042' })).toBeInTheDocument();
    expect(screen.getByText('Айгүл Серікова')).toBeInTheDocument();
    expect(screen.getByText('казахский')).toBeInTheDocument();
    expect(screen.getByText('Көшедегі жол жөндеуді сұраймын.')).toBeInTheDocument();
    expect(screen.getByText('Жилищная инспекция')).toBeInTheDocument();
    expect(await screen.findByText('Дороги')).toBeInTheDocument();
    expect(screen.getByText('Направлено исполнителю')).toBeInTheDocument();
    expect(screen.queryByText(/0417/)).not.toBeInTheDocument();
    expect(screen.queryByText(/7011234567/)).not.toBeInTheDocument();
  });

  it('keeps a written answer across a reload until it is sent', async () => {
    openAppeal(['department_head'], () => undefined);
    const text = await screen.findByRole('textbox', { name: 'Текст краткого ответа' });
    await userEvent.type(text, 'Ответ почти готов');
    cleanup(); // the page is gone, as after a reload

    openAppeal(['department_head'], (call) =>
      call.method === 'POST' ? json(200, { id: APPEAL_ID, status: 'brief_answered' }) : undefined,
    );
    const again = await screen.findByRole('textbox', { name: 'Текст краткого ответа' });
    expect(again).toHaveValue('Ответ почти готов');
    await userEvent.click(screen.getByRole('button', { name: 'Отправить краткий ответ' }));
    await waitFor(() => expect(sessionStorage.getItem(`akimat.inbox.${APPEAL_ID}.brief`)).toBeNull());
  });

  it('posts the brief answer and shows the service’s 400 violation beside the text', async () => {
    const { calls } = openAppeal(['department_head'], (call) => {
      if (call.method === 'POST' && call.url === `${CARD_URL}/brief-answer`) {
        return json(400, {
          statusCode: 400,
          message: 'Bad Request',
          violations: [
            { field: 'text', rule: 'noControlCharacters', message: 'text must not contain control characters' },
          ],
        });
      }
      return undefined;
    });
    const text = await screen.findByRole('textbox', { name: 'Текст краткого ответа' });
    await userEvent.type(text, '  Жол көктемде жөнделеді.  ');
    await userEvent.click(screen.getByRole('button', { name: 'Отправить краткий ответ' }));

    await waitFor(() => expect(text).toHaveAccessibleDescription(/text must not contain control characters/));
    expect(text).toHaveAttribute('aria-invalid', 'true');
    expect(posts(calls)).toEqual([
      { url: `${CARD_URL}/brief-answer`, method: 'POST', body: { text: 'Жол көктемде жөнделеді.' } },
    ]);
  });

  it('does not send an empty brief answer', async () => {
    const { calls } = openAppeal(['department_head'], () => undefined);
    await userEvent.click(await screen.findByRole('button', { name: 'Отправить краткий ответ' }));
    expect(screen.getByRole('textbox', { name: 'Текст краткого ответа' })).toHaveAccessibleDescription(
      /Введите текст ответа/,
    );
    expect(posts(calls)).toHaveLength(0);
  });

  it('refreshes the card after a brief answer is accepted', async () => {
    let answered = false;
    const { calls } = stubFetch((call) => {
      if (call.method === 'GET' && call.url === CARD_URL) {
        return json(
          200,
          appealCard(
            answered
              ? {
                  status: 'brief_answered',
                  answers: [
                    {
                      kind: 'brief',
                      text: 'Жол көктемде жөнделеді.',
                      author: { name: 'Тест Басшы', position: null },
                      answeredAt: '2026-03-03T05:00:00.000Z',
                      dueAt: '2026-03-05T05:00:00.000Z',
                      onTime: true,
                      outcome: null,
                      refusalReasons: null,
                    },
                  ],
                }
              : {},
          ),
        );
      }
      if (call.method === 'POST' && call.url === `${CARD_URL}/brief-answer`) {
        answered = true;
        return json(200, { id: APPEAL_ID, registrationNumber: 'МХ-2026-0042', status: 'brief_answered' });
      }
      return json(200, []);
    });
    renderSignedIn([{ path: '/inbox/:appealId', element: <AppealPage /> }], {
      at: `/inbox/${APPEAL_ID}`,
      roles: ['department_head'],
      unit: 'housing-inspection',
    });
    await userEvent.type(
      await screen.findByRole('textbox', { name: 'Текст краткого ответа' }),
      'Жол көктемде жөнделеді.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Отправить краткий ответ' }));

    expect(await screen.findByText('Дан краткий ответ')).toBeInTheDocument();
    expect(screen.getByText('Жол көктемде жөнделеді.')).toBeInTheDocument();
    // A brief answer is given once: its form is gone, the full answer's remains.
    expect(screen.queryByRole('textbox', { name: 'Текст краткого ответа' })).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Текст полного ответа' })).toBeInTheDocument();
    expect(calls.filter((call) => call.method === 'GET' && call.url === CARD_URL)).toHaveLength(2);
  });

  it('requires the reasons of a refusal before sending the full answer', async () => {
    const { calls } = openAppeal(['department_head'], (call) =>
      call.method === 'POST' ? json(200, { id: APPEAL_ID, status: 'full_answered' }) : undefined,
    );
    await userEvent.type(await screen.findByRole('textbox', { name: 'Текст полного ответа' }), 'Өтініш қаралды.');
    await userEvent.click(screen.getByRole('radio', { name: 'Отказано' }));
    await userEvent.click(screen.getByRole('button', { name: 'Отправить полный ответ' }));

    const reasons = screen.getByRole('textbox', { name: 'Основания отказа' });
    expect(reasons).toHaveAccessibleDescription('При отказе укажите его основания.');
    expect(posts(calls)).toHaveLength(0);

    await userEvent.type(reasons, 'Учаске басқа иеленушіге тиесілі.');
    await userEvent.click(screen.getByRole('button', { name: 'Отправить полный ответ' }));
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(posts(calls)[0]).toEqual({
      url: `${CARD_URL}/full-answer`,
      method: 'POST',
      body: { text: 'Өтініш қаралды.', outcome: 'refused', refusalReasons: 'Учаске басқа иеленушіге тиесілі.' },
    });
  });

  it('sends no refusal reasons with a satisfied full answer, and shows a 409 reason', async () => {
    const { calls } = openAppeal(['department_head'], (call) =>
      call.method === 'POST'
        ? json(409, {
            statusCode: 409,
            message:
              'a full answer needs an appeal that is assigned to a unit and not yet fully answered (status is closed)',
          })
        : undefined,
    );
    await userEvent.type(await screen.findByRole('textbox', { name: 'Текст полного ответа' }), 'Жөнделді.');
    await userEvent.click(screen.getByRole('radio', { name: 'Удовлетворено' }));
    await userEvent.click(screen.getByRole('button', { name: 'Отправить полный ответ' }));

    expect(await screen.findByText(/not yet fully answered \(status is closed\)/)).toBeInTheDocument();
    expect(posts(calls)[0].body).toEqual({ text: 'Жөнделді.', outcome: 'satisfied' });
  });

  it('hands the appeal back to the triage desk through routing, with the reason', async () => {
    const { calls, router } = openAppeal(['department_head'], (call) =>
      call.method === 'POST' && call.url === `/svc/routing/api/v1/appeals/${APPEAL_ID}/reassign`
        ? json(200, { appealId: APPEAL_ID })
        : undefined,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Вернуть в аппарат акима' }));
    expect(
      screen.getByRole('textbox', { name: 'Почему обращение не относится к вашему подразделению' }),
    ).toHaveAccessibleDescription('Укажите причину.');
    expect(posts(calls)).toHaveLength(0);

    await userEvent.type(
      screen.getByRole('textbox', { name: 'Почему обращение не относится к вашему подразделению' }),
      'Жер учаскесі туралы, біздің бөлімге қатысы жоқ',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Вернуть в аппарат акима' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/inbox'));
    expect(posts(calls)).toEqual([
      {
        url: `/svc/routing/api/v1/appeals/${APPEAL_ID}/reassign`,
        method: 'POST',
        body: { targetUnitCode: 'chief-of-staff-triage', reason: 'Жер учаскесі туралы, біздің бөлімге қатысы жоқ' },
      },
    ]);
    // Leadership's tools are not offered to a unit head.
    expect(screen.queryByRole('button', { name: 'Продлить срок' })).not.toBeInTheDocument();
  });

  it('explains a 403 from routing', async () => {
    openAppeal(['department_head'], (call) =>
      call.method === 'POST' ? json(403, { statusCode: 403, message: 'Forbidden' }) : undefined,
    );
    await userEvent.type(
      await screen.findByRole('textbox', { name: 'Почему обращение не относится к вашему подразделению' }),
      'Біздің емес',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Вернуть в аппарат акима' }));
    expect(await screen.findByText(/Ваша роль не позволяет это действие/)).toBeInTheDocument();
  });

  it('lets leadership reassign to any unit and extend the term, but not hand back', async () => {
    const { calls } = openAppeal(['chief_of_staff'], (call) => (call.method === 'POST' ? json(200, {}) : undefined), {
      status: 'brief_answered',
    });
    const unit = await screen.findByRole('combobox', { name: 'Новое подразделение' });
    await screen.findByRole('option', { name: 'Отдел земельных отношений' });
    // The current unit is not offered as a destination.
    expect(screen.queryByRole('option', { name: 'Жилищная инспекция' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Вернуть в аппарат акима' })).not.toBeInTheDocument();

    await userEvent.selectOptions(unit, 'land-relations');
    await userEvent.type(screen.getByRole('textbox', { name: 'Причина передачи' }), 'Жер мәселесі');
    await userEvent.click(screen.getByRole('button', { name: 'Передать обращение' }));
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(posts(calls)[0]).toEqual({
      url: `/svc/routing/api/v1/appeals/${APPEAL_ID}/reassign`,
      method: 'POST',
      body: { targetUnitCode: 'land-relations', reason: 'Жер мәселесі' },
    });

    const newDue = screen.getByLabelText('Новый срок полного ответа');
    await userEvent.type(newDue, '2099-04-20T18:00');
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Мотивированное решение о продлении' }),
      'Нужна экспертиза',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Продлить срок' }));
    await waitFor(() => expect(posts(calls)).toHaveLength(2));
    expect(posts(calls)[1]).toEqual({
      url: `${CARD_URL}/extend`,
      method: 'POST',
      // 18:00 typed on the office clock (UTC+5), whatever this machine's zone.
      body: { newDueAt: '2099-04-20T13:00:00.000Z', reason: 'Нужна экспертиза' },
    });
  });
});
