import { DeadLetter, maskPersonalText, redactPersonalData, ReplayOutcome } from '@akimat/service-kit/dead-letters';

/**
 * One line per dead letter, `name=value` pairs, the reason last and quoted. Nothing personal in
 * clear: the reason (which may quote a value) is masked, and the payload is shown only on request,
 * redacted.
 */
export function describeDeadLetter(letter: DeadLetter, showPayload: boolean): string {
  const fields = [
    `dlt=${letter.dltTopic}/${letter.partition}/${letter.offset}`,
    `original=${letter.originalTopic}/${letter.originalPartition ?? '?'}/${letter.originalOffset ?? '?'}`,
    `failure=${letter.failure}`,
    `attempts=${letter.attempts ?? '?'}`,
    `at=${letter.at}`,
    `event=${letter.event ? `${safe(letter.event.type ?? '?')}/${safe(letter.event.id ?? '?')}` : '-'}`,
    `state=${letter.replayedAt ? `replayed@${letter.replayedAt}` : 'pending'}`,
    ...(letter.omitted ? [`omitted=${JSON.stringify(letter.omitted)}`] : []),
    `reason=${JSON.stringify(maskPersonalText(letter.reason))}`,
  ];
  const line = fields.join(' ');
  return showPayload ? `${line}\n  payload: ${describePayload(letter.value)}` : line;
}

/** The original value, redacted: parsed JSON with personal fields removed, or masked raw text. */
export function describePayload(value: Buffer | null): string {
  if (value === null) return '(none)';
  const text = value.toString('utf8');
  const limit = 4000;
  try {
    return clip(JSON.stringify(redactPersonalData(JSON.parse(text))), limit);
  } catch {
    return `(not JSON, ${value.length} bytes) ${JSON.stringify(clip(maskPersonalText(text), limit))}`;
  }
}

export function describeReplay(outcome: ReplayOutcome, dryRun: boolean): string {
  const { letter, to } = outcome;
  const from = `dlt=${letter.dltTopic}/${letter.partition}/${letter.offset}`;
  const event = letter.event ? ` event=${safe(letter.event.type ?? '?')}/${safe(letter.event.id ?? '?')}` : '';
  const source = letter.omitted ? ` (the original read from ${letter.originalTopic}/${letter.originalPartition}/${letter.originalOffset})` : '';
  return dryRun || !to
    ? `would replay ${from} -> ${letter.originalTopic}${event} failure=${letter.failure}${source}`
    : `replayed ${from} -> ${to.topic}/${to.partition}/${to.offset}${event}`;
}

/** Event type and id come from an unvalidated value: keep them to one masked, unbroken token. */
function safe(text: string): string {
  return maskPersonalText(text).replace(/\s/g, '_');
}

function clip(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit)}… (${text.length - limit} more characters)` : text;
}
