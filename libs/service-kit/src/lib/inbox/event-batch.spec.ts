import { currentEventBatch, EventBatch, runInEventBatch } from './event-batch';

describe('EventBatch', () => {
  it('runs after-commit callbacks only once the batch commits, in order', async () => {
    const batch = new EventBatch();
    const ran: string[] = [];
    batch.afterCommit(() => ran.push('first'));
    batch.afterCommit(() => ran.push('second'));
    expect(ran).toEqual([]);
    await batch.commit();
    expect(ran).toEqual(['first', 'second']);
    await batch.commit();
    expect(ran).toEqual(['first', 'second']);
  });

  it('runs before-commit steps first, once, and not after a rollback', async () => {
    const batch = new EventBatch();
    const ran: string[] = [];
    batch.beforeCommit(async () => void ran.push('step'));
    batch.afterCommit(() => ran.push('after'));
    await batch.commit();
    await batch.commit();
    expect(ran).toEqual(['step', 'after']);

    const dropped = new EventBatch();
    dropped.beforeCommit(async () => void ran.push('never'));
    await dropped.rollback();
    await dropped.commit();
    expect(ran).toEqual(['step', 'after']);
  });

  it('does not commit, nor run after-commit callbacks, when a before-commit step fails', async () => {
    const batch = new EventBatch();
    const ran: string[] = [];
    batch.beforeCommit(() => Promise.reject(new Error('statement failed')));
    batch.afterCommit(() => ran.push('never'));
    await expect(batch.commit()).rejects.toThrow('statement failed');
    await batch.rollback();
    expect(ran).toEqual([]);
  });

  it('drops them when the batch rolls back', async () => {
    const batch = new EventBatch();
    const ran: string[] = [];
    batch.afterCommit(() => ran.push('never'));
    await batch.rollback();
    expect(ran).toEqual([]);
  });

  it('is visible to the code running inside it, and only there', async () => {
    const batch = new EventBatch();
    expect(currentEventBatch()).toBeUndefined();
    await runInEventBatch(batch, async () => {
      await Promise.resolve();
      expect(currentEventBatch()).toBe(batch);
    });
    expect(currentEventBatch()).toBeUndefined();
  });

  it('runs before-commit work before the after-commit callbacks, and drops it on rollback', async () => {
    const batch = new EventBatch();
    const ran: string[] = [];
    batch.afterCommit(() => ran.push('after'));
    batch.beforeCommit(async () => {
      ran.push('before');
    });
    await batch.commit();
    expect(ran).toEqual(['before', 'after']);

    const rolledBack = new EventBatch();
    rolledBack.beforeCommit(async () => {
      ran.push('never');
    });
    await rolledBack.rollback();
    await rolledBack.commit();
    expect(ran).toEqual(['before', 'after']);
  });

  it('does not run after-commit callbacks when the before-commit work fails', async () => {
    const batch = new EventBatch();
    const ran: string[] = [];
    batch.afterCommit(() => ran.push('after'));
    batch.beforeCommit(() => Promise.reject(new Error('constraint violated')));
    await expect(batch.commit()).rejects.toThrow('constraint violated');
    await batch.rollback();
    await batch.commit();
    expect(ran).toEqual([]);
  });

  it('runs before-commit work that other before-commit work adds', async () => {
    const batch = new EventBatch();
    const ran: string[] = [];
    batch.beforeCommit(async () => {
      ran.push('outer');
      batch.beforeCommit(async () => {
        ran.push('inner');
      });
    });
    await batch.commit();
    expect(ran).toEqual(['outer', 'inner']);
  });
});
