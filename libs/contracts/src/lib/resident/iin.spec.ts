import { isValidIin } from './iin';

/** Builds a valid IIN from its first 11 digits, the way the state registry does. */
function withControlDigit(first11: string): string | undefined {
  for (let d = 0; d <= 9; d++) if (isValidIin(`${first11}${d}`)) return `${first11}${d}`;
  return undefined;
}

describe('isValidIin', () => {
  it('accepts a number whose control digit matches the first weights', () => {
    // 9,5,0,1,0,1,3,0,0,0,1 weighted 1..11: 9+10+0+4+0+6+21+0+0+0+11 = 61; 61 % 11 = 6
    expect(isValidIin('950101300016')).toBe(true);
  });

  it('falls back to the second weights when the first sum gives 10', () => {
    // 8,7,0,4,1,2,3,0,0,0,5 weighted 1..11 = 131; 131 % 11 = 10, so weights 3..11,1,2:
    // 24+28+0+24+7+16+27+0+0+0+10 = 136; 136 % 11 = 4
    expect(isValidIin('870412300054')).toBe(true);
    expect(isValidIin('870412300050')).toBe(false);
  });

  it('refuses a wrong control digit, wrong length and non-digits', () => {
    expect(isValidIin('950101300013')).toBe(false);
    expect(isValidIin('95010130001')).toBe(false);
    expect(isValidIin('9501013000133')).toBe(false);
    expect(isValidIin('95010130001a')).toBe(false);
  });

  it('has exactly one control digit for a number that can be issued', () => {
    const valid = withControlDigit('01020350012');
    expect(valid).toBeDefined();
    const others = [...'0123456789'].filter((d) => `01020350012${d}` !== valid);
    expect(others.every((d) => !isValidIin(`01020350012${d}`))).toBe(true);
  });
});
