import { createOfficeCalendar } from '@akimat/office-calendar';
import { holdUntil, HoldRules } from './delivery-hold';

const rules: HoldRules = {
  quietHours: { start: '22:00', end: '08:00', timeZone: 'Asia/Atyrau' },
  calendar: createOfficeCalendar(),
};
// Asia/Atyrau is UTC+5 all year.
const atyrau = (local: string) => new Date(`${local}+05:00`);
const escalation = { kind: 'deadline_escalated', channel: 'email', audience: 'staff' };

describe(holdUntil.name, () => {
  it('lets an escalation to staff go at once within office hours', () => {
    expect(holdUntil(escalation, atyrau('2026-11-25T09:00:00'), rules)).toBeNull(); // Wednesday, opening
    expect(holdUntil({ ...escalation, channel: 'in_app' }, atyrau('2026-11-25T18:29:00'), rules)).toBeNull();
  });

  it('holds an escalation at closing time, when a full answer falls due, until the next morning’s opening', () => {
    expect(holdUntil(escalation, atyrau('2026-11-25T18:30:00'), rules)).toEqual(atyrau('2026-11-26T09:00:00'));
    expect(holdUntil(escalation, atyrau('2026-11-26T03:00:00'), rules)).toEqual(atyrau('2026-11-26T09:00:00'));
  });

  it('holds a Friday-evening escalation over the weekend and a public holiday', () => {
    expect(holdUntil(escalation, atyrau('2026-11-27T19:00:00'), rules)).toEqual(atyrau('2026-11-30T09:00:00'));
    // Independence Day, Wednesday 16 December 2026: the next opening is Thursday.
    expect(holdUntil(escalation, atyrau('2026-12-16T11:00:00'), rules)).toEqual(atyrau('2026-12-17T09:00:00'));
  });

  it('does not hold the unit head’s own breach notice, staff reminders or e-mail to residents', () => {
    const night = atyrau('2026-11-25T23:00:00');
    expect(holdUntil({ kind: 'deadline_missed', channel: 'email', audience: 'staff' }, night, rules)).toBeNull();
    expect(holdUntil({ kind: 'deadline_approaching', channel: 'in_app', audience: 'staff' }, night, rules)).toBeNull();
    expect(holdUntil({ kind: 'brief_answer', channel: 'email', audience: 'resident' }, night, rules)).toBeNull();
  });

  it('keeps holding SMS to residents for quiet hours only', () => {
    const sms = { kind: 'brief_answer', channel: 'sms', audience: 'resident' };
    expect(holdUntil(sms, atyrau('2026-11-25T23:00:00'), rules)).toEqual(atyrau('2026-11-26T08:00:00'));
    expect(holdUntil(sms, atyrau('2026-11-28T12:00:00'), rules)).toBeNull(); // a Saturday noon is not quiet
  });
});
