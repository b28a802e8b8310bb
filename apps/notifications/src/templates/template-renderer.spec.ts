import { KnownEnvelope } from '@akimat/contracts';
import { NOTICE_KINDS } from '../notices/notice';
import { noticesFor } from '../notices/notice-recipients';
import { chiefOfStaff, resident, sampleData, sampleEvent } from '../notices/notice-events.fixture';
import { TemplateRenderer } from './template-renderer';

const context = {
  resident,
  chiefOfStaff: { unitCode: 'chief-of-staff-triage', head: chiefOfStaff },
  trackingUrl: 'https://akimat.example.kz/track',
};
const models = Object.fromEntries(
  (Object.keys(sampleData) as (keyof typeof sampleData)[]).flatMap((type) =>
    noticesFor(sampleEvent(type) as KnownEnvelope, context).map((notice) => [notice.kind, notice.model]),
  ),
);

describe(TemplateRenderer.name, () => {
  const sut = new TemplateRenderer('Asia/Atyrau');

  it('has a sample for every notice kind', () => {
    expect(Object.keys(models).sort()).toEqual([...NOTICE_KINDS].sort());
  });

  describe.each(NOTICE_KINDS)('%s', (kind) => {
    it.each(['kk', 'ru'] as const)('in %s', (language) => {
      const notice = sut.render(kind, language, models[kind]);
      expect(`${notice.subject}\n${notice.body}`).toContain('MAH-2026-000123');
      expect(notice.body).not.toMatch(/\{\{|undefined|\[object/);
      expect(notice).toMatchSnapshot();
    });
  });

  it('shows due dates in the office’s time zone', () => {
    const { body } = sut.render('routed', 'ru', models['routed']);
    expect(body).toContain('Краткий ответ: до 28.11.2026 11:30');
    expect(body).toContain('Полный ответ: до 16.12.2026 18:00');
  });

  it('leaves the due dates out of a routed notice without clocks', () => {
    const { body } = sut.render('routed', 'kk', { ...models['routed'], deadlines: [] });
    expect(body).toBe('Тұрғын үй инспекциясы: MAH-2026-000123 нөмірлі өтініш сізге жіберілді. Санат: housing.');
  });

  it('names the outcome in the resident’s language and gives refusal reasons', () => {
    expect(sut.render('full_answer', 'ru', models['full_answer']).body).toContain('Решение: удовлетворено частично.');
    expect(sut.render('full_answer', 'kk', models['full_answer']).body).toContain('Бас тарту себептері:');
  });
});
