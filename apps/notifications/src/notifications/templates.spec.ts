import { renderReassignedNotice, renderRoutedNotice, RoutedNoticeData } from './templates';

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

describe(renderReassignedNotice.name, () => {
  const handedOver = {
    registrationNumber: 'MAH-2026-000124',
    category: 'land_architecture',
    fromUnit: { code: 'housing-inspection', nameKk: 'Тұрғын үй инспекциясы', nameRu: 'Жилищная инспекция' },
    unit: { code: 'land-relations', nameKk: 'Жер қатынастары бөлімі', nameRu: 'Отдел земельных отношений' },
    reason: 'Жер мәселесі',
  };

  it('tells the new head in Kazakh where it came from and why', () => {
    expect(renderReassignedNotice(handedOver, 'kk')).toEqual({
      subject: 'Өтініш MAH-2026-000124 сізге қайта жіберілді',
      body: 'Жер қатынастары бөлімі: MAH-2026-000124 нөмірлі өтініш «Тұрғын үй инспекциясы» бөлімшесінен сізге қайта жіберілді. Себебі: Жер мәселесі.',
    });
  });

  it('tells the new head in Russian where it came from and why', () => {
    expect(renderReassignedNotice(handedOver, 'ru').body).toBe(
      'Отдел земельных отношений: обращение № MAH-2026-000124 передано вам из подразделения «Жилищная инспекция». Причина: Жер мәселесі.',
    );
  });
});
