import { renderRoutedNotice, RoutedNoticeData } from './templates';

function routedNotice(overrides: Partial<RoutedNoticeData> = {}): RoutedNoticeData {
  return {
    registrationNumber: 'MAH-2026-000123',
    category: 'housing',
    unit: { code: 'housing-inspection', nameKk: 'Тұрғын үй инспекциясы', nameRu: 'Жилищная инспекция' },
    ...overrides,
  };
}

describe(renderRoutedNotice.name, () => {
  it('writes to a Kazakh-speaking head in Kazakh, with the unit name in Kazakh', () => {
    expect(renderRoutedNotice(routedNotice(), 'kk')).toEqual({
      subject: 'Жаңа өтініш MAH-2026-000123',
      body: 'Тұрғын үй инспекциясы: MAH-2026-000123 нөмірлі өтініш сізге жіберілді. Санат: housing.',
    });
  });

  it('writes to a Russian-speaking head in Russian, with the unit name in Russian', () => {
    expect(renderRoutedNotice(routedNotice(), 'ru')).toEqual({
      subject: 'Новое обращение MAH-2026-000123',
      body: 'Жилищная инспекция: обращение № MAH-2026-000123 направлено вам. Категория: housing.',
    });
  });

  it('carries the registration number and category of the appeal it is about', () => {
    const sut = renderRoutedNotice(routedNotice({ registrationNumber: 'ATR-2027-000007', category: 'roads_transport' }), 'ru');
    expect(sut.subject).toContain('ATR-2027-000007');
    expect(sut.body).toContain('ATR-2027-000007');
    expect(sut.body).toContain('roads_transport');
  });
});
