import { maskPersonalText, redactPersonalData, REDACTED } from './personal-data';

describe('personal data kept out of what operators see', () => {
  it('masks e-mails, Kazakh phone numbers and IIN-like digit runs inside free text', () => {
    const masked = maskPersonalText('call +7 701 123 45 67 or 87011234567, write aigerim@example.kz, IIN 900101300123');
    for (const secret of ['701 123 45', '87011234567', 'aigerim@example', '900101300123']) {
      expect(masked).not.toContain(secret);
    }
    expect(masked).toContain('call ');
  });

  it('leaves ids, timestamps and short numbers alone', () => {
    const text = 'appeal 3f0c1d2e-8a4b-4c5d-9e6f-a1b2c3d4e5f6 at 2026-11-25T22:31:04.120Z, attempt 3 of 5';
    expect(maskPersonalText(text)).toBe(text);
  });

  it('redacts personal fields wherever they are nested, and masks the other strings', () => {
    const redacted = redactPersonalData({
      type: 'appeal.registered',
      data: {
        resident: { name: 'Aigerim', phone: '+77011234567' },
        head: { name: 'Head of housing', email: 'head@akimat.kz', phone: '+77010000000' },
        iin: '900101300123',
        text: 'my number is +77011234567',
        tags: ['ok', 'mail me at a@b.kz'],
        count: 2,
      },
    });
    expect(redacted).toEqual({
      type: 'appeal.registered',
      data: {
        resident: REDACTED,
        head: { name: 'Head of housing', email: REDACTED, phone: REDACTED },
        iin: REDACTED,
        text: 'my number is **********67',
        tags: ['ok', 'mail me at ****kz'],
        count: 2,
      },
    });
  });
});
