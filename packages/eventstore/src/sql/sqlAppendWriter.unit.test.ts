import { AppendFailedError } from '../errors';
import type { PreparedAppend } from '../prepareAppend';
import { eventStoreStatements as statements } from './eventStoreStatements';
import { createSqlAppendWriter } from './sqlAppendWriter';
import type { SqlDatabase, SqlQuery } from './sqlDatabase';

const append = (streamId: string): PreparedAppend => ({
  streamId,
  expectedRevision: 'any',
  events: [{ eventId: '0190f5b2-7c3e-7000-8000-000000000001', body: '{}' }],
  bytes: 2,
});

const eventIdTaken = () =>
  Object.assign(new Error('duplicate key value violates unique constraint'), {
    code: '23505',
    constraint: 'events_event_id_key',
  });

/** A database that answers each statement (by name) from a script, in order. */
function scriptedDatabase(script: Record<string, Array<() => unknown[]>>) {
  const calls: string[] = [];
  const database = {
    async query(statement: SqlQuery) {
      const name = typeof statement === 'string' ? statement : statement.name;
      calls.push(name);
      const next = script[name]?.shift();
      if (!next) throw new Error(`unexpected statement ${name}`);
      return next();
    },
  } as unknown as SqlDatabase;
  return { database, calls };
}

const appended = { outcome: 'appended', stream_revision: '0', last_position: '4096' };

describe('the SQL append writer', () => {
  it('runs an append again when the event id it collided with is gone by the time it is looked up', async () => {
    const { database, calls } = scriptedDatabase({
      [statements.append.name]: [
        () => {
          throw eventIdTaken();
        },
        () => [appended],
      ],
      [statements.classifyKnown.name]: [
        () => [{ outcome: 'unknown', stream_revision: null, last_position: null }],
      ],
    });

    await expect(createSqlAppendWriter(database).writeOne(append('case-1'))).resolves.toEqual(
      appended,
    );
    expect(calls).toEqual([
      statements.append.name,
      statements.classifyKnown.name,
      statements.append.name,
    ]);
  });

  it('gives up with a typed error after a bounded number of such collisions', async () => {
    const { database, calls } = scriptedDatabase({
      [statements.append.name]: Array.from({ length: 3 }, () => () => {
        throw eventIdTaken();
      }),
      [statements.classifyKnown.name]: Array.from({ length: 3 }, () => () => [
        { outcome: 'unknown', stream_revision: null, last_position: null },
      ]),
    });

    const failure = createSqlAppendWriter(database).writeOne(append('case-1'));

    await expect(failure).rejects.toBeInstanceOf(AppendFailedError);
    await expect(failure).rejects.toMatchObject({ streamId: 'case-1' });
    expect(calls).toHaveLength(6);
  });

  it('answers an append the batch refused alone with a typed error naming its stream', async () => {
    const { database } = scriptedDatabase({
      [statements.appendBatch.name]: [
        () => [
          { ...appended, error_code: null, error_message: null },
          {
            outcome: 'error',
            stream_revision: null,
            last_position: null,
            error_code: '23514',
            error_message: 'check constraint violated',
          },
        ],
      ],
    });

    const [written, refused] = await createSqlAppendWriter(database).writeBatch([
      append('case-1'),
      append('case-2'),
    ]);

    expect(written).toEqual(appended);
    expect(refused).toBeInstanceOf(AppendFailedError);
    expect(refused).toMatchObject({ streamId: 'case-2', message: expect.stringMatching(/23514/) });
  });
});
