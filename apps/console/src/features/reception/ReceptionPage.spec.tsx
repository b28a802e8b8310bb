import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  atTheReceptionDesk,
  chooseTodaysSession,
  fillAppeal,
  json,
  REGISTERED,
  renderPage,
  saveButton,
  serve,
  VALID_IIN,
  WRONG_CHECK_DIGIT_IIN,
} from './reception-test-kit';

atTheReceptionDesk();

describe('ReceptionPage: the appeal card', () => {
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
});
