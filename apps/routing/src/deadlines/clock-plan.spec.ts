import { createOfficeCalendar, parseDuration } from '@akimat/office-calendar';
import { ClockSettings, deadlinesOf, planAnswerClocks, planAppealClocks, planTerm } from './clock-plan';

const calendar = createOfficeCalendar();
const settingsWith = (overrides: Partial<ClockSettings> = {}): ClockSettings => ({
  calendar,
  durations: {
    brief_answer: parseDuration('3d'),
    full_answer: parseDuration('15wd'),
    forwarding: parseDuration('3wd'),
    extension_notice: parseDuration('3wd'),
  },
  reminderFractions: [0.5, 0.8],
  reminderBefore: [parseDuration('2h')],
  officeHoursForReminders: true,
  ...overrides,
});
/** Asia/Atyrau is UTC+5 all year. */
const atyrau = (local: string) => new Date(`${local}+05:00`);
const summary = (clocks: ReturnType<typeof planAppealClocks>) =>
  clocks.map((clock) => `${clock.kind} ${clock.reminder} ${clock.fireAt.toISOString()}`);

describe('planAppealClocks', () => {
  const registeredAt = atyrau('2026-11-24T10:00:00'); // a Tuesday

  it('runs the brief answer for 3 calendar days and the full answer to closing on the 15th working day', () => {
    const clocks = planAppealClocks(
      { answerRequired: true, deadlinesFrom: registeredAt },
      settingsWith(),
      registeredAt,
    );
    expect(deadlinesOf(clocks)).toEqual([
      { kind: 'brief_answer', dueAt: atyrau('2026-11-27T10:00:00').toISOString() },
      { kind: 'full_answer', dueAt: atyrau('2026-12-15T18:30:00').toISOString() },
    ]);
  });

  it('defers reminders to office hours, never the due time, and merges reminders that land together', () => {
    const clocks = planAppealClocks(
      { answerRequired: true, deadlinesFrom: registeredAt },
      settingsWith(),
      registeredAt,
    );
    expect(summary(clocks.filter((clock) => clock.kind === 'brief_answer'))).toEqual([
      // 50 %: Wed 22:00 → Thu opening; 80 %: Thu 19:36 and 2 h before: Fri 08:00 → both Fri opening, one kept.
      `brief_answer 50% ${atyrau('2026-11-26T09:00:00').toISOString()}`,
      `brief_answer 2h ${atyrau('2026-11-27T09:00:00').toISOString()}`,
      `brief_answer due ${atyrau('2026-11-27T10:00:00').toISOString()}`,
    ]);
    expect(clocks.filter((clock) => clock.kind === 'full_answer').map((clock) => clock.reminder)).toEqual([
      '50%',
      '80%',
      '2h',
      'due',
    ]);
    const fullTwoHours = clocks.find((clock) => clock.kind === 'full_answer' && clock.reminder === '2h');
    expect(fullTwoHours?.fireAt).toEqual(atyrau('2026-12-15T16:30:00'));
  });

  it('puts reminders at the exact parts of the term when office hours do not apply to them', () => {
    const settings = settingsWith({ officeHoursForReminders: false });
    const clocks = planAppealClocks({ answerRequired: true, deadlinesFrom: registeredAt }, settings, registeredAt);
    expect(summary(clocks.filter((clock) => clock.kind === 'brief_answer'))).toEqual([
      `brief_answer 50% ${atyrau('2026-11-25T22:00:00').toISOString()}`,
      `brief_answer 80% ${atyrau('2026-11-26T19:36:00').toISOString()}`,
      `brief_answer 2h ${atyrau('2026-11-27T08:00:00').toISOString()}`,
      `brief_answer due ${atyrau('2026-11-27T10:00:00').toISOString()}`,
    ]);
  });

  it('runs second-scale terms exactly and leaves out a reminder before the term starts', () => {
    const start = new Date('2026-11-28T03:00:00Z'); // a Saturday night: seconds ignore the calendar
    const settings = settingsWith({
      durations: { ...settingsWith().durations, brief_answer: parseDuration('3s'), full_answer: parseDuration('6s') },
      officeHoursForReminders: false,
    });
    const clocks = planAppealClocks({ answerRequired: true, deadlinesFrom: start }, settings, start);
    expect(clocks.map((clock) => [clock.kind, clock.reminder, clock.fireAt.getTime() - start.getTime()])).toEqual([
      ['brief_answer', '50%', 1500],
      ['brief_answer', '80%', 2400],
      ['brief_answer', 'due', 3000],
      ['full_answer', '50%', 3000],
      ['full_answer', '80%', 4800],
      ['full_answer', 'due', 6000],
    ]);
  });

  it('runs no clock for an appeal that needs no answer (anonymous)', () => {
    expect(
      planAppealClocks({ answerRequired: false, deadlinesFrom: registeredAt }, settingsWith(), registeredAt),
    ).toEqual([]);
  });

  it('leaves out reminders already past when planned late, keeping the due time', () => {
    const now = atyrau('2026-11-26T12:00:00');
    const clocks = planAppealClocks({ answerRequired: true, deadlinesFrom: registeredAt }, settingsWith(), now);
    expect(clocks.filter((clock) => clock.kind === 'brief_answer').map((clock) => clock.reminder)).toEqual([
      '2h',
      'due',
    ]);
  });
});

describe('planTerm', () => {
  it('drops a reminder that office hours would push to or past the due time', () => {
    // Due Monday 09:00: 50 % and 80 % fall on the weekend and 2 h before at 07:00, all deferred to 09:00.
    const start = atyrau('2026-11-27T19:00:00'); // Friday after closing
    const due = atyrau('2026-11-30T09:00:00');
    const clocks = planTerm('brief_answer', start, due, settingsWith(), start);
    expect(clocks.map((clock) => clock.reminder)).toEqual(['due']);
  });
});

describe('planAnswerClocks for the forwarding and extension-notice terms', () => {
  it('runs forwarding to closing on the 3rd working day after registration, skipping the weekend', () => {
    const registeredAt = atyrau('2026-11-26T10:00:00'); // a Thursday
    const clocks = planAnswerClocks(registeredAt, settingsWith(), registeredAt, ['forwarding']);
    expect(deadlinesOf(clocks)).toEqual([{ kind: 'forwarding', dueAt: atyrau('2026-12-01T18:30:00').toISOString() }]);
    expect(clocks.map((clock) => clock.reminder)).toEqual(['50%', '80%', '2h', 'due']);
    expect(clocks.every((clock) => clock.kind === 'forwarding')).toBe(true);
  });

  it('keeps only the due time of a forwarding term decided after its reminders passed', () => {
    const registeredAt = atyrau('2026-11-26T10:00:00');
    const decidedAt = atyrau('2026-12-01T17:00:00'); // less than 2 hours before the due time
    const clocks = planAnswerClocks(registeredAt, settingsWith(), decidedAt, ['forwarding']);
    expect(summary(clocks)).toEqual([`forwarding due ${atyrau('2026-12-01T18:30:00').toISOString()}`]);
  });

  it('counts the extension notice from the extension, and plans only the routed answer terms by default', () => {
    const extendedAt = atyrau('2026-12-10T15:00:00'); // a Thursday
    const notice = planAnswerClocks(extendedAt, settingsWith(), extendedAt, ['extension_notice']);
    expect(deadlinesOf(notice)).toEqual([
      { kind: 'extension_notice', dueAt: atyrau('2026-12-15T18:30:00').toISOString() },
    ]);
    const routed = planAnswerClocks(extendedAt, settingsWith(), extendedAt);
    expect([...new Set(routed.map((clock) => clock.kind))]).toEqual(['brief_answer', 'full_answer']);
  });

  it('runs a second-scale forwarding term exactly, for tests', () => {
    const start = new Date('2026-11-28T03:00:00Z');
    const settings = settingsWith({
      durations: { ...settingsWith().durations, forwarding: parseDuration('4s') },
      officeHoursForReminders: false,
    });
    const clocks = planAnswerClocks(start, settings, start, ['forwarding']);
    expect(clocks.map((clock) => [clock.reminder, clock.fireAt.getTime() - start.getTime()])).toEqual([
      ['50%', 2000],
      ['80%', 3200],
      ['due', 4000],
    ]);
  });
});
