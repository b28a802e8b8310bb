import type { KafkaMessage } from 'kafkajs';
import { DLT_HEADERS, originalTopicOf, readDeadLetter } from './dead-letter-format';

function message(value: string | null, headers: KafkaMessage['headers']): KafkaMessage {
  return {
    key: Buffer.from('k'),
    value: value === null ? null : Buffer.from(value),
    headers,
    offset: '7',
    timestamp: '1764000000000',
    attributes: 0,
  } as KafkaMessage;
}

describe('reading a dead letter', () => {
  it('separates the dead-letter headers from the original ones', () => {
    const letter = readDeadLetter(
      'p.akimat.appeals.events.v1.dlt',
      2,
      message('{"id":"e1","type":"appeal.registered","data":{}}', {
        'x-correlation-id': Buffer.from('c-1'),
        [DLT_HEADERS.failure]: Buffer.from('handler-failed'),
        [DLT_HEADERS.reason]: Buffer.from('appeal.registered e1: boom'),
        [DLT_HEADERS.attempts]: Buffer.from('5'),
        [DLT_HEADERS.originalTopic]: Buffer.from('p.akimat.appeals.events.v1'),
        [DLT_HEADERS.originalPartition]: Buffer.from('1'),
        [DLT_HEADERS.originalOffset]: Buffer.from('41'),
        [DLT_HEADERS.at]: Buffer.from('2026-11-25T10:00:00.000Z'),
      }),
    );
    expect(letter).toMatchObject({
      ref: 'p.akimat.appeals.events.v1.dlt/2/7',
      originalTopic: 'p.akimat.appeals.events.v1',
      originalPartition: 1,
      originalOffset: '41',
      failure: 'handler-failed',
      attempts: 5,
      at: '2026-11-25T10:00:00.000Z',
      event: { type: 'appeal.registered', id: 'e1' },
    });
    expect(Object.keys(letter.originalHeaders)).toEqual(['x-correlation-id']);
  });

  it('copes with a value that is not JSON and with missing headers', () => {
    const letter = readDeadLetter('t.dlt', 0, message('\u0000not json', {}));
    expect(letter).toMatchObject({ originalTopic: 't', failure: 'unknown', event: undefined, attempts: undefined });
    expect(letter.at).toBe(new Date(1764000000000).toISOString());
  });

  it('names the topic a dead-letter topic belongs to', () => {
    expect(originalTopicOf('a.b.v1.dlt')).toBe('a.b.v1');
  });
});
