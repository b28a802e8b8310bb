import { homeFor, screensFor } from './screens';

describe('staff screens by role', () => {
  it('sends each role to its own first screen', () => {
    expect(homeFor(['department_head'])).toBe('/inbox');
    expect(homeFor(['rural_akim'])).toBe('/inbox');
    expect(homeFor(['chief_of_staff'])).toBe('/dashboard');
    expect(homeFor(['akim'])).toBe('/reception');
    expect(homeFor(['operator'])).toBe('/reception');
    expect(homeFor(['ops'])).toBeUndefined();
  });

  it('offers only the screens whose calls the role may make', () => {
    expect(screensFor(['operator']).map((s) => s.key)).toEqual(['reception', 'walkIn']);
    expect(screensFor(['department_head']).map((s) => s.key)).toEqual(['inbox']);
    expect(screensFor(['akim']).map((s) => s.key)).toEqual(['reception', 'walkIn', 'inbox', 'dashboard']);
    expect(screensFor(['admin'])).toEqual([]);
  });
});
