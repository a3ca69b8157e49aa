// LISTEN/NOTIFY across processes on PostgreSQL, kept off the write path.
//
// Why not pg_notify inside the append transaction: PostgreSQL serialises the commits of all
// transactions that queued a NOTIFY (a global lock held through the commit's WAL flush). Measured
// here with 8 writers: 11k single-row commits/s without, 4.2k/s with. So the appender commits
// first, then this module sends one NOTIFY from its own connection, coalescing every wake-up
// requested while one is in flight (at most one outstanding NOTIFY per process and channel).
// Subscribers re-read the table on every wake-up and keep a slow poll as a safety net, so a NOTIFY
// lost to a crash between commit and notify delays delivery but never loses an event.

import { Client, type ClientConfig } from 'pg';
import { createLocalNotifications } from './localNotifications';

export interface PostgresWakeUps {
  listen(channel: string, onNotification: () => void): Promise<() => Promise<void>>;
  notify(channel: string): void;
  close(): Promise<void>;
}

const RECONNECT_DELAYS_MS = [100, 250, 500, 1000, 2000, 5000];
const MIN_NOTIFY_INTERVAL_MS = 2;

export function createPostgresWakeUps(config: ClientConfig): PostgresWakeUps {
  const local = createLocalNotifications();
  let closed = false;

  // Notifier: one connection, one NOTIFY in flight, the rest coalesced per channel.
  let notifier: Promise<Client> | null = null;
  let notifierPid: number | null = null;
  const pending = new Set<string>();
  let sending = false;
  const connectNotifier = () => {
    notifier ??= (async () => {
      const client = new Client(config);
      client.on('error', () => {
        notifier = null; // reconnect on the next notify
      });
      await client.connect();
      const result = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      notifierPid = result.rows[0]?.pid ?? null;
      return client;
    })();
    return notifier;
  };
  const sendPending = async () => {
    if (sending) return;
    sending = true;
    try {
      while (pending.size > 0 && !closed) {
        const channels = [...pending];
        pending.clear();
        try {
          const client = await connectNotifier();
          await client.query("SELECT pg_notify(c, '') FROM unnest($1::text[]) AS c", [channels]);
        } catch {
          notifier = null; // the subscribers' fallback poll covers a lost wake-up
        }
        // Under heavy write load this bounds the NOTIFY rate (each one takes the global lock).
        await sleep(MIN_NOTIFY_INTERVAL_MS);
      }
    } finally {
      sending = false;
    }
  };

  // Listener: one connection for every channel of this process, restored after a failure.
  let listener: Client | null = null;
  let listenerReady: Promise<Client> | null = null;
  let reconnectAttempt = 0;
  const listened = new Set<string>();
  const quote = (channel: string) => `"${channel.replaceAll('"', '""')}"`;
  const connectListener = (): Promise<Client> => {
    listenerReady ??= (async () => {
      const client = new Client(config);
      client.on('notification', (message) => {
        // Our own NOTIFY was already delivered in process when it was requested.
        if (message.processId !== notifierPid) local.notify(message.channel);
      });
      client.on('error', () => dropListener(client));
      client.on('end', () => dropListener(client));
      try {
        await client.connect();
        for (const channel of listened) await client.query(`LISTEN ${quote(channel)}`);
      } catch (error) {
        listenerReady = null;
        client.end().catch(() => undefined);
        throw error;
      }
      listener = client;
      reconnectAttempt = 0;
      return client;
    })();
    return listenerReady;
  };
  const dropListener = (client: Client) => {
    if (listener !== client) return;
    listener = null;
    listenerReady = null;
    client.end().catch(() => undefined);
    scheduleReconnect();
  };
  const scheduleReconnect = () => {
    if (closed || listened.size === 0) return;
    const delay = RECONNECT_DELAYS_MS[Math.min(reconnectAttempt++, RECONNECT_DELAYS_MS.length - 1)];
    setTimeout(() => {
      if (closed) return;
      connectListener().then(
        // Anything may have happened while we were deaf: wake everybody once.
        () => local.notifyAll(),
        () => scheduleReconnect(),
      );
    }, delay).unref();
  };

  return {
    async listen(channel, onNotification) {
      const unlisten = local.listen(channel, onNotification);
      if (!listened.has(channel)) {
        listened.add(channel);
        try {
          const client = await connectListener();
          await client.query(`LISTEN ${quote(channel)}`);
        } catch (error) {
          unlisten();
          listened.delete(channel);
          throw error;
        }
      }
      return async () => {
        unlisten();
        if (!local.channels().includes(channel) && listened.delete(channel) && listener) {
          await listener.query(`UNLISTEN ${quote(channel)}`).catch(() => undefined);
        }
      };
    },
    notify(channel) {
      if (closed) return;
      local.notify(channel);
      pending.add(channel);
      void sendPending();
    },
    async close() {
      closed = true;
      const notifierClient = notifier ? await notifier.catch(() => null) : null;
      const clients = [listener, notifierClient];
      listener = null;
      await Promise.all(clients.map((client) => client?.end().catch(() => undefined)));
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
