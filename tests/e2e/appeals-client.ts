import { randomUUID } from 'node:crypto';
import { actingAs } from '@akimat/testing';

/* A client that records appeals like a real one: a failed POST (5xx, refused connection) is retried
   with the same Idempotency-Key, so a suite can judge what the services lost or did twice. */

const RETRY_PAUSE_MS = 250;

export interface RecordedAppeal {
  /** The request's Idempotency-Key; the card's text carries it too, so a stored copy is traceable. */
  key: string;
  text: string;
  /** Set once the client got 201. */
  id?: string;
  /** Requests sent for it (1 = no retry). */
  attempts: number;
  /** The last answer that was not a 201: an HTTP status, or the network error. */
  lastFailure?: string;
}

/** The n-th card of a run: a resident with a phone (so registration and answers go out by SMS). */
function cardOf(n: number, text: string): string {
  return JSON.stringify({
    resident: {
      fullName: `Resident ${n}`,
      iin: '950101300016',
      phone: `+7701${String(n).padStart(7, '0')}`,
      language: n % 2 ? 'ru' : 'kk',
    },
    category: 'housing',
    channel: 'reception',
    text,
  });
}

export class AppealsClient {
  readonly appeals: RecordedAppeal[] = [];
  private next = 0;
  /** Set when the test has failed already: retries stop, so the report comes at once. */
  givenUp = false;

  /**
   * @param urls the appeals instances; each request goes to the next one in turn, a retry too.
   * @param official who records them (`X-Actor-Name`): stats break figures down by it.
   */
  constructor(
    private readonly urls: () => string[],
    readonly official: string,
    private readonly retryForMs = 180_000,
  ) {}

  /** Records one appeal: retries on a 5xx or a refused connection until it gets an answer. */
  async record(): Promise<RecordedAppeal> {
    const appeal = this.draft();
    const key = appeal.key;
    const body = cardOf(this.appeals.indexOf(appeal), appeal.text);
    const giveUpAt = Date.now() + this.retryForMs;
    for (;;) {
      appeal.attempts += 1;
      const answer = await this.post(key, body);
      if (answer.status === 201) {
        appeal.id = answer.id;
        appeal.lastFailure = undefined;
        return appeal;
      }
      appeal.lastFailure = answer.failure;
      const retriable = answer.status === 0 || answer.status >= 500;
      if (!retriable || this.givenUp || Date.now() > giveUpAt) return appeal;
      await sleep(RETRY_PAUSE_MS);
    }
  }

  /**
   * Sends an appeal's request to every instance at once, with its one Idempotency-Key: a retry of a
   * recorded appeal, or (for a new one) a client that retried before the first answer came. Returns
   * the id each instance answered; the appeal counts as recorded when they agree.
   */
  async sendToAll(appeal: RecordedAppeal = this.draft()): Promise<string[]> {
    const body = cardOf(this.appeals.indexOf(appeal), appeal.text);
    const ids = await Promise.all(
      this.urls().map(async (url) => {
        appeal.attempts += 1;
        const answer = await this.post(appeal.key, body, url);
        return answer.id ?? `failed: ${answer.failure}`;
      }),
    );
    if (!appeal.id && new Set(ids).size === 1 && !ids[0].startsWith('failed')) appeal.id = ids[0];
    return ids;
  }

  private draft(): RecordedAppeal {
    const key = randomUUID();
    const appeal: RecordedAppeal = {
      key,
      text: `Appeal ${this.appeals.length} (${key}): the roof leaks.`,
      attempts: 0,
    };
    this.appeals.push(appeal);
    return appeal;
  }

  get recorded(): RecordedAppeal[] {
    return this.appeals.filter((appeal) => appeal.id);
  }

  private async post(
    key: string,
    body: string,
    url = this.pickUrl(),
  ): Promise<{ status: number; id?: string; failure?: string }> {
    try {
      const response = await fetch(`${url}/api/v1/appeals`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key, ...actingAs(this.official, 'Оператор') },
        body,
        signal: AbortSignal.timeout(15_000),
      });
      const text = await response.text();
      if (response.status === 201) return { status: 201, id: (JSON.parse(text) as { id: string }).id };
      return { status: response.status, failure: `${response.status} ${text.slice(0, 200)}` };
    } catch (error) {
      return { status: 0, failure: (error as Error).cause ? String((error as Error).cause) : (error as Error).message };
    }
  }

  private pickUrl(): string {
    const urls = this.urls();
    return urls[this.next++ % urls.length];
  }
}

/** Records appeals at a fixed rate, each with its own retries, until stopped. */
export function steadyLoad(client: AppealsClient, perSecond: number): { stop(): Promise<void> } {
  const inFlight = new Set<Promise<unknown>>();
  const timer = setInterval(() => {
    const request = client.record().finally(() => inFlight.delete(request));
    inFlight.add(request);
  }, 1000 / perSecond);
  return {
    async stop() {
      clearInterval(timer);
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
