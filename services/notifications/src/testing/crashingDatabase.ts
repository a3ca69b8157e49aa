// A database that "crashes the process" at a chosen statement: that statement and every one after
// it fail, as they would when the process died there. Used to prove that a crash between sending
// and recording loses nothing.

import type { SqlClient, SqlDatabase, SqlQuery } from '@kot/eventstore';

export class SimulatedCrash extends Error {
  constructor(at: string) {
    super(`simulated crash at ${at}`);
    this.name = 'SimulatedCrash';
  }
}

export function crashingDatabase(
  db: SqlDatabase,
  crashAt: string,
): SqlDatabase & { crashed(): boolean } {
  let dead = false;
  const guard = (statement: SqlQuery) => {
    const name = typeof statement === 'string' ? statement : statement.name;
    if (name === crashAt) dead = true;
    if (dead) throw new SimulatedCrash(crashAt);
  };
  const wrap = (client: SqlClient): SqlClient => ({
    async query(statement, params) {
      guard(statement);
      return client.query(statement, params);
    },
    executeScript: (script) => client.executeScript(script),
  });
  return {
    ...db,
    ...wrap(db),
    engine: db.engine,
    schema: db.schema,
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    listen: (channel, onNotification) => db.listen(channel, onNotification),
    notify: (channel) => db.notify(channel),
    close: () => db.close(),
    crashed: () => dead,
  };
}
