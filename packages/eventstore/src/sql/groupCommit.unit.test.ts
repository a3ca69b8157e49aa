import type { PreparedAppend } from '../prepareAppend';
import { MAX_EVENTS_PER_APPEND } from '../limits';
import { createGroupCommit, MAX_APPENDS_PER_BATCH, type GroupCommitWriter } from './groupCommit';

const append = (streamId: string, events = 1): PreparedAppend => ({
  streamId,
  expectedRevision: 'any',
  events: Array.from({ length: events }, (_, i) => ({ eventId: `${streamId}-${i}`, body: '{}' })),
  bytes: 2 * events,
});

/** A writer that records what it was given and answers each append with its stream id. */
function recordingWriter(refuse: (append: PreparedAppend) => boolean = () => false) {
  const writes: string[][] = [];
  let release: () => void = () => undefined;
  let gate: Promise<void> | null = null;
  const writer: GroupCommitWriter<string> = {
    async writeOne(one) {
      writes.push([one.streamId]);
      await gate;
      return one.streamId;
    },
    async writeBatch(batch) {
      writes.push(batch.map((one) => one.streamId));
      await gate;
      return batch.map((one) =>
        refuse(one) ? new Error(`refused ${one.streamId}`) : one.streamId,
      );
    },
  };
  return {
    writer,
    writes,
    hold() {
      gate = new Promise((resolve) => (release = resolve));
    },
    release: () => release(),
  };
}

describe('group commit', () => {
  it('sends a lone append at once through the single-append path', async () => {
    const recording = recordingWriter();
    const group = createGroupCommit(recording.writer, 1);

    await expect(group.append(append('a'))).resolves.toBe('a');
    expect(recording.writes).toEqual([['a']]);
  });

  it('writes appends made in the same turn together, in order, each with its own answer', async () => {
    const recording = recordingWriter((one) => one.streamId === 'b');
    const group = createGroupCommit(recording.writer, 1);

    const outcomes = await Promise.allSettled(
      ['a', 'b', 'c'].map((id) => group.append(append(id))),
    );

    expect(recording.writes).toEqual([['a', 'b', 'c']]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
  });

  it('queues appends that arrive while a batch is written and sends them in the next one', async () => {
    const recording = recordingWriter();
    const group = createGroupCommit(recording.writer, 1);
    recording.hold();
    const first = group.append(append('a'));
    await Promise.resolve();
    const later = ['b', 'c'].map((id) => group.append(append(id)));
    await new Promise((resolve) => setImmediate(resolve));
    expect(recording.writes).toEqual([['a']]);

    recording.release();
    await Promise.all([first, ...later]);
    expect(recording.writes).toEqual([['a'], ['b', 'c']]);
  });

  it('keeps a batch within the appends and events one transaction may hold', async () => {
    const recording = recordingWriter();
    const group = createGroupCommit(recording.writer, 1);
    const many = Array.from({ length: MAX_APPENDS_PER_BATCH + 1 }, (_, i) => append(`s${i}`));
    const large = [append('big-1', MAX_EVENTS_PER_APPEND - 1), append('big-2', 2)];

    await Promise.all(many.map((one) => group.append(one)));
    await Promise.all(large.map((one) => group.append(one)));

    expect(recording.writes.map((batch) => batch.length)).toEqual([MAX_APPENDS_PER_BATCH, 1, 1, 1]);
  });

  it('fails every append of a batch whose transaction failed, and goes on with the next', async () => {
    let failNext = true;
    const group = createGroupCommit<string>(
      {
        writeOne: async (one) => one.streamId,
        async writeBatch(batch) {
          if (failNext) {
            failNext = false;
            throw new Error('connection lost');
          }
          return batch.map((one) => one.streamId);
        },
      },
      1,
    );

    const failed = await Promise.allSettled(['a', 'b'].map((id) => group.append(append(id))));
    const written = await Promise.all(['c', 'd'].map((id) => group.append(append(id))));

    expect(failed.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect(written).toEqual(['c', 'd']);
  });

  it('says when nothing is queued or being written', async () => {
    const recording = recordingWriter();
    const group = createGroupCommit(recording.writer, 2);
    recording.hold();
    const pending = group.append(append('a'));
    let idle = false;
    const whenIdle = group.idle().then(() => (idle = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(idle).toBe(false);

    recording.release();
    await Promise.all([pending, whenIdle]);
    expect(idle).toBe(true);
  });
});
