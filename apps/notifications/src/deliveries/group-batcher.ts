/**
 * Group commit for many concurrent callers: calls made while a statement is in flight are
 * gathered and run as one when it returns, so at rest each call is its own statement and under
 * load one statement serves many. Each caller gets its own result, or the statement's error.
 */
export class GroupBatcher<I, O> {
  private waiting: { input: I; resolve: (output: O) => void; reject: (error: unknown) => void }[] = [];
  private inFlight = false;

  constructor(
    private readonly run: (inputs: I[]) => Promise<O[]>,
    private readonly maxBatch = 500,
  ) {}

  call(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
      // Callers in the same tick join the first statement too.
      if (!this.inFlight) {
        this.inFlight = true;
        queueMicrotask(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.maxBatch);
      try {
        const outputs = await this.run(batch.map((call) => call.input));
        batch.forEach((call, index) => call.resolve(outputs[index]));
      } catch (error) {
        for (const call of batch) call.reject(error);
      }
    }
    this.inFlight = false;
  }
}
