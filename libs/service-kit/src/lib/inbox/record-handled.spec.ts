import { KnownEnvelope } from '@akimat/contracts';
import { recordHandled } from './record-handled';

const event = (id: string) => ({ id, type: 'appeal.registered' }) as KnownEnvelope;

describe('recordHandled', () => {
  it('applies the first delivery of each new id, whatever the case of its spelling', async () => {
    const upper = 'A1B2C3D4-0000-4000-8000-00000000000A';
    const seen = '11111111-1111-4111-8111-111111111111';
    const events = [event(upper), event(seen), event(upper.toLowerCase())];
    // PostgreSQL answers uuids in lower case, and only for ids it had not recorded.
    const query = async (_sql: string, [ids]: unknown[]) =>
      (ids as string[]).filter((id) => id !== seen).map((id) => ({ event_id: id.toLowerCase() }));
    expect(await recordHandled(query, events)).toEqual([events[0]]);
  });
});
