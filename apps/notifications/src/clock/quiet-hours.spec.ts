import { quietUntil } from './quiet-hours';

const nightly = { start: '22:00', end: '08:00', timeZone: 'Asia/Atyrau' };
// Asia/Atyrau is UTC+5 all year.
const atyrau = (local: string) => new Date(`${local}+05:00`);

describe(quietUntil.name, () => {
  it('lets a message go during the day', () => {
    expect(quietUntil(atyrau('2026-11-25T12:00:00'), nightly)).toBeNull();
    expect(quietUntil(atyrau('2026-11-25T08:00:00'), nightly)).toBeNull();
    expect(quietUntil(atyrau('2026-11-25T21:59:00'), nightly)).toBeNull();
  });

  it('holds a late-evening message until eight the next morning, local time', () => {
    expect(quietUntil(atyrau('2026-11-25T22:00:00'), nightly)).toEqual(atyrau('2026-11-26T08:00:00'));
    expect(quietUntil(atyrau('2026-11-25T23:30:00'), nightly)).toEqual(atyrau('2026-11-26T08:00:00'));
  });

  it('holds an early-morning message until eight the same morning', () => {
    expect(quietUntil(atyrau('2026-11-26T03:49:00'), nightly)).toEqual(atyrau('2026-11-26T08:00:00'));
    expect(quietUntil(atyrau('2026-11-26T07:59:00'), nightly)).toEqual(atyrau('2026-11-26T08:00:00'));
  });

  it('judges the hour in the office time zone, not the server’s', () => {
    // 17:30 UTC is 22:30 in Atyrau.
    expect(quietUntil(new Date('2026-11-25T17:30:00Z'), nightly)).toEqual(new Date('2026-11-26T03:00:00Z'));
  });

  it('supports a quiet period within one day', () => {
    const lunch = { start: '13:00', end: '14:00', timeZone: 'Asia/Atyrau' };
    expect(quietUntil(atyrau('2026-11-25T13:15:00'), lunch)).toEqual(atyrau('2026-11-25T14:00:00'));
    expect(quietUntil(atyrau('2026-11-25T14:00:00'), lunch)).toBeNull();
    expect(quietUntil(atyrau('2026-11-25T23:00:00'), lunch)).toBeNull();
  });

  it('is switched off by equal start and end', () => {
    expect(quietUntil(atyrau('2026-11-25T23:00:00'), { ...nightly, end: '22:00' })).toBeNull();
  });
});
