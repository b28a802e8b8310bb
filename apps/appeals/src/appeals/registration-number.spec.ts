import { formatRegistrationNumber, newTrackingCode } from './registration-number';

describe('formatRegistrationNumber', () => {
  it('pads the sequence to six digits after prefix and year', () => {
    expect(formatRegistrationNumber('MAH', 2026, 123)).toBe('MAH-2026-000123');
    expect(formatRegistrationNumber('ATR', 2027, 1_234_567)).toBe('ATR-2027-1234567');
  });
});

describe('newTrackingCode', () => {
  it('uses only unambiguous characters', () => {
    const codes = Array.from({ length: 200 }, () => newTrackingCode());
    expect(codes.every((code) => /^[A-HJKMNP-Z2-9]{10}$/.test(code))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
