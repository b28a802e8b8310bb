import type { DeadLetter } from '@akimat/service-kit/dead-letters';
import { describeDeadLetter, describePayload } from './dead-letter-view';

const letter: DeadLetter = {
  dltTopic: 'akimat.appeals.events.v1.dlt',
  partition: 1,
  offset: '4',
  ref: 'akimat.appeals.events.v1.dlt/1/4',
  originalTopic: 'akimat.appeals.events.v1',
  originalPartition: 1,
  originalOffset: '17',
  failure: 'handler-failed',
  reason: 'appeal.registered e1: duplicate key (phone)=(+77011234567)',
  attempts: 5,
  at: '2026-11-25T10:00:00.000Z',
  key: Buffer.from('a1'),
  value: Buffer.from(JSON.stringify({ id: 'e1', type: 'appeal.registered', data: { resident: { name: 'Aigerim' }, text: 'hi' } })),
  originalHeaders: {},
  event: { type: 'appeal.registered', id: 'e1' },
};

describe('showing a dead letter', () => {
  it('prints where it came from and why, on one line, without personal data or the payload', () => {
    const line = describeDeadLetter(letter, false);
    expect(line).toBe(
      'dlt=akimat.appeals.events.v1.dlt/1/4 original=akimat.appeals.events.v1/1/17 failure=handler-failed attempts=5 ' +
        'at=2026-11-25T10:00:00.000Z event=appeal.registered/e1 state=pending ' +
        'reason="appeal.registered e1: duplicate key (phone)=(**********67)"',
    );
  });

  it('shows the payload only when asked, redacted', () => {
    const shown = describeDeadLetter({ ...letter, replayedAt: '2026-11-26T00:00:00.000Z' }, true);
    expect(shown).toContain('state=replayed@2026-11-26T00:00:00.000Z');
    expect(shown).toContain('payload: {"id":"e1","type":"appeal.registered","data":{"resident":"[redacted]","text":"hi"}}');
    expect(shown).not.toContain('Aigerim');
  });

  it('masks raw values that are not JSON, and cuts long ones', () => {
    expect(describePayload(Buffer.from('iin=900101300123'))).toBe('(not JSON, 16 bytes) "iin=**********23"');
    expect(describePayload(Buffer.from(`"${'x'.repeat(5000)}`))).toContain('… (1001 more characters)');
    expect(describePayload(null)).toBe('(none)');
  });
});
