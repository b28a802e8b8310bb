import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  atTheReceptionDesk,
  chooseTodaysSession,
  fillAppeal,
  json,
  recordAppealInTodaysSession,
  REGISTERED,
  renderPage,
  saveButton,
  serve,
  SESSION,
  VALID_IIN,
} from './reception-test-kit';

atTheReceptionDesk();

describe('ReceptionPage: saving, retries and the registered appeal', () => {
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

  it('"Record next appeal" clears the card but keeps the session', async () => {
    const { sent } = serve([() => json(REGISTERED, 201), () => json({ ...REGISTERED, id: 'second' }, 201)]);
    const user = userEvent.setup();
    renderPage();
    await recordAppealInTodaysSession(user);

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
    await recordAppealInTodaysSession(user);
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
    await recordAppealInTodaysSession(user);
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
