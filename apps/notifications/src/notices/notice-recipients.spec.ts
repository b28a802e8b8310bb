import { KnownEnvelope } from '@akimat/contracts';
import { deliveriesOf, Notice } from './notice';
import { noticesFor, NoticeContext } from './notice-recipients';
import { chiefOfStaff, housingHead, landHead, resident, sampleEvent } from './notice-events.fixture';

const context = (overrides: Partial<NoticeContext> = {}): NoticeContext => ({
  resident,
  chiefOfStaff: { unitCode: 'chief-of-staff-triage', head: chiefOfStaff },
  trackingUrl: 'https://akimat.example.kz/track/',
  ...overrides,
});
const who = (notices: Notice[]) => notices.map((notice) => [notice.kind, notice.audience, notice.to.name]);
const sut = (event: unknown, ctx = context()) => noticesFor(event as KnownEnvelope, ctx);

describe(noticesFor.name, () => {
  it('tells the resident the registration number and where to follow it, at the contact the planner opened', () => {
    const notices = sut(
      sampleEvent('appeal.registered', { resident: { name: resident.name, language: 'kk' } }),
      context({ resident }),
    );
    expect(who(notices)).toEqual([['registered', 'resident', resident.name]]);
    expect(notices[0].model['trackingUrl']).toBe('https://akimat.example.kz/track/MAH-2026-000123');
  });

  it('tells nobody about an anonymous registration', () => {
    expect(sut(sampleEvent('appeal.registered', { anonymous: true, resident: undefined }))).toEqual([]);
  });

  it('gives the routed or reassigned task to the unit’s head, in-app under their e-mail', () => {
    expect(who(sut(sampleEvent('appeal.routed')))).toEqual([['routed', 'staff', housingHead.name]]);
    const [reassigned] = sut(sampleEvent('appeal.reassigned'));
    expect(reassigned).toMatchObject({ kind: 'reassigned', to: { name: landHead.name, inbox: landHead.email } });
  });

  it('uses the unit code as the inbox of a head without e-mail', () => {
    const [notice] = sut(sampleEvent('appeal.routed', { head: { name: 'Head', language: 'ru' } }));
    expect(notice.to.inbox).toBe('unit:housing-inspection');
  });

  it('reminds the head of an approaching deadline', () => {
    expect(who(sut(sampleEvent('appeal.deadline_approaching')))).toEqual([
      ['deadline_approaching', 'staff', housingHead.name],
    ]);
  });

  it('tells the head and the chief of staff about a missed deadline', () => {
    const expected = [
      ['deadline_missed', 'staff', housingHead.name],
      ['deadline_escalated', 'staff', chiefOfStaff.name],
    ];
    expect(who(sut(sampleEvent('appeal.deadline_missed')))).toEqual(expected);
    // Without escalatedTo (a missed brief answer) the chief of staff comes from the directory copy.
    expect(who(sut(sampleEvent('appeal.deadline_missed', { escalatedTo: undefined })))).toEqual(expected);
  });

  it('does not tell the chief of staff twice when the missed deadline is their own unit’s', () => {
    const own = sampleEvent('appeal.deadline_missed', { head: chiefOfStaff });
    expect(who(sut(own))).toEqual([['deadline_missed', 'staff', chiefOfStaff.name]]);
  });

  it('sends the brief answer, the full answer and then the survey invitation to the resident', () => {
    expect(who(sut(sampleEvent('appeal.brief_answered')))).toEqual([['brief_answer', 'resident', resident.name]]);
    expect(who(sut(sampleEvent('appeal.full_answered')))).toEqual([
      ['full_answer', 'resident', resident.name],
      ['survey_invitation', 'resident', resident.name],
    ]);
  });

  it('tells the resident about forwarding and extension, and nobody when the resident is unknown', () => {
    expect(who(sut(sampleEvent('appeal.forwarded')))).toEqual([['forwarded', 'resident', resident.name]]);
    expect(who(sut(sampleEvent('appeal.extended')))).toEqual([['extended', 'resident', resident.name]]);
    expect(sut(sampleEvent('appeal.brief_answered'), context({ resident: undefined }))).toEqual([]);
  });

  it('tells the chief of staff when a resident reopens an appeal', () => {
    expect(who(sut(sampleEvent('appeal.reopened')))).toEqual([['reopened', 'staff', chiefOfStaff.name]]);
    expect(sut(sampleEvent('appeal.reopened'), context({ chiefOfStaff: undefined }))).toEqual([]);
  });
});

describe(deliveriesOf.name, () => {
  const all = { email: true, sms: true };

  it('shows staff notices in-app and by e-mail, never by SMS', () => {
    const [notice] = sut(sampleEvent('appeal.routed', { head: { ...housingHead, phone: '+77010000000' } }));
    expect(deliveriesOf(notice, all)).toEqual([
      { channel: 'in_app', address: housingHead.email },
      { channel: 'email', address: housingHead.email },
    ]);
  });

  it('sends residents e-mail and SMS, whichever they gave and is switched on', () => {
    const [notice] = sut(sampleEvent('appeal.brief_answered'));
    expect(deliveriesOf(notice, all)).toEqual([
      { channel: 'email', address: resident.email },
      { channel: 'sms', address: resident.phone },
    ]);
    expect(deliveriesOf(notice, { email: false, sms: true })).toEqual([{ channel: 'sms', address: resident.phone }]);
    const phoneOnly = sut(
      sampleEvent('appeal.brief_answered'),
      context({ resident: { ...resident, email: undefined } }),
    );
    expect(deliveriesOf(phoneOnly[0], all)).toEqual([{ channel: 'sms', address: resident.phone }]);
  });
});
