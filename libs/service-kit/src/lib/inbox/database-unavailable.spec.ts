import { isDatabaseUnavailable } from './database-unavailable';

describe('isDatabaseUnavailable', () => {
  it.each([
    [{ code: 'ECONNREFUSED' }],
    [{ code: '57P01', message: 'terminating connection due to administrator command' }],
    [{ code: '08006' }],
    [new Error('Connection terminated unexpectedly')],
  ])('treats %o as the database being away', (error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([[{ code: '23505', message: 'duplicate key' }], [new Error('triage unit x is missing')], [undefined]])(
    'treats %o as a failure of the statement itself',
    (error) => {
      expect(isDatabaseUnavailable(error)).toBe(false);
    },
  );
});
