import { z } from 'zod';
import { durationSchema, parseDuration } from './duration';

describe('parseDuration', () => {
  it.each([
    ['5s', 5, 's'],
    ['90m', 90, 'm'],
    ['24h', 24, 'h'],
    ['3d', 3, 'd'],
    ['15wd', 15, 'wd'],
    ['2mo', 2, 'mo'],
    [' 3wd ', 3, 'wd'],
  ])('reads %j as %d %s', (text, amount, unit) => {
    expect(parseDuration(text)).toEqual({ amount, unit, text: text.trim() });
  });

  it.each(['', '3', 'd', '0d', '-1d', '1.5d', '3 d', '3D', '3days', '15w', '2M', '1y', 'wd15', '99999999999999999d'])(
    'rejects %j naming the text and the accepted forms',
    (text) => {
      expect(() => parseDuration(text)).toThrow(`"${text.trim()}" is not a duration`);
    },
  );

  it('lists the accepted forms in the message', () => {
    expect(() => parseDuration('3 days')).toThrow(/<n>s.*<n>m.*<n>h.*<n>d.*<n>wd.*<n>mo/);
  });
});

describe('durationSchema', () => {
  const env = z.object({
    BRIEF_ANSWER: durationSchema.prefault('3d'),
    FULL_ANSWER: durationSchema.prefault('15wd'),
  });

  it('parses configured values and defaults', () => {
    expect(env.parse({ BRIEF_ANSWER: '5s' })).toEqual({
      BRIEF_ANSWER: { amount: 5, unit: 's', text: '5s' },
      FULL_ANSWER: { amount: 15, unit: 'wd', text: '15wd' },
    });
  });

  it('reports a wrong value with a message naming it and the field', () => {
    const result = env.safeParse({ FULL_ANSWER: '15 working days' });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ['FULL_ANSWER'],
        message: expect.stringContaining('"15 working days" is not a duration: use <n>s'),
      }),
    ]);
  });

  it('rejects a value that is not a string', () => {
    expect(durationSchema.safeParse(15).success).toBe(false);
  });
});
