import { EntityManager } from 'typeorm';
import { BatchCollector } from './batch-collector';
import { EventBatch, runInEventBatch } from './event-batch';

const manager = {} as EntityManager;

describe('BatchCollector', () => {
  function recordingCollector() {
    const writes: number[][] = [];
    return {
      writes,
      collector: new BatchCollector<number>(async (items) => {
        writes.push(items);
      }),
    };
  }

  it('writes at once outside a batch', async () => {
    const { writes, collector } = recordingCollector();
    await collector.add(1, manager);
    await collector.add(2, manager);
    expect(writes).toEqual([[1], [2]]);
  });

  it("writes a batch's items together when the batch commits", async () => {
    const { writes, collector } = recordingCollector();
    const batch = new EventBatch();
    await runInEventBatch(batch, async () => {
      await collector.add(1, manager);
      await collector.add(2, manager);
      await collector.add(3, manager);
      expect(writes).toEqual([]);
      await batch.commit();
    });
    expect(writes).toEqual([[1, 2, 3]]);
  });

  it('flush writes what was collected so far, so a later event sees it; the rest goes at commit', async () => {
    const { writes, collector } = recordingCollector();
    const batch = new EventBatch();
    await runInEventBatch(batch, async () => {
      await collector.add(1, manager);
      await collector.flush();
      await collector.flush();
      await collector.add(2, manager);
      await batch.commit();
    });
    expect(writes).toEqual([[1], [2]]);
  });

  it('writes nothing of a batch that rolls back', async () => {
    const { writes, collector } = recordingCollector();
    const batch = new EventBatch();
    await runInEventBatch(batch, async () => {
      await collector.add(1, manager);
      await batch.rollback();
    });
    expect(writes).toEqual([]);
  });
});
