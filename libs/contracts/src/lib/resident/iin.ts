const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/**
 * Kazakhstan's IIN: 12 digits, the last a control digit. The control is the weighted sum of
 * the first eleven mod 11; if that is 10 a second set of weights is used; 10 again means the
 * number is never issued.
 */
export function isValidIin(value: string): boolean {
  if (!/^\d{12}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const control = (weights: number[]) => weights.reduce((sum, w, i) => sum + w * digits[i], 0) % 11;
  let check = control(FIRST_WEIGHTS);
  if (check === 10) check = control(SECOND_WEIGHTS);
  return check !== 10 && check === digits[11];
}
