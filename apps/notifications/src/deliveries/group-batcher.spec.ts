import { GroupBatcher } from './group-batcher';

describe(GroupBatcher.name, () => {
  const deferred = () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    return { gate, release };
  };

  it('runs calls of one tick as one statement, and calls made meanwhile as the next', async () => {
    const statements: number[][] = [];
    const first = deferred();
    const sut = new GroupBatcher<number, number>(async (inputs) => {
      statements.push(inputs);
      if (statements.length === 1) await first.gate;
      return inputs.map((input) => input * 10);
    });

    const early = [sut.call(1), sut.call(2)];
    await new Promise((resolve) => setImmediate(resolve));
    const late = [sut.call(3), sut.call(4), sut.call(5)];
    first.release();

    expect(await Promise.all([...early, ...late])).toEqual([10, 20, 30, 40, 50]);
    expect(statements).toEqual([
      [1, 2],
      [3, 4, 5],
    ]);
  });

  it('gives every caller of a failed statement its error, and serves later calls', async () => {
    let fail = true;
    const sut = new GroupBatcher<number, number>(async (inputs) => {
      if (fail) throw new Error('database gone');
      return inputs;
    });

    const failed = [sut.call(1), sut.call(2)].map((call) => call.catch((error: Error) => error.message));
    expect(await Promise.all(failed)).toEqual(['database gone', 'database gone']);
    fail = false;
    expect(await sut.call(3)).toBe(3);
  });

  it('splits what waits into statements of at most maxBatch', async () => {
    const sizes: number[] = [];
    const sut = new GroupBatcher<number, number>(async (inputs) => (sizes.push(inputs.length), inputs), 2);
    await Promise.all([1, 2, 3, 4, 5].map((input) => sut.call(input)));
    expect(sizes).toEqual([2, 2, 1]);
  });
});
