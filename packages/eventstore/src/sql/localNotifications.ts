// In-process delivery of wake-ups: immediate for listeners of the same database object, and all
// there is on PGlite, where only one process can open the data directory.

export interface LocalNotifications {
  listen(channel: string, onNotification: () => void): () => void;
  notify(channel: string): void;
  channels(): string[];
  notifyAll(): void;
}

export function createLocalNotifications(): LocalNotifications {
  const listeners = new Map<string, Set<() => void>>();
  const deliver = (callbacks: Iterable<() => void>) => {
    for (const callback of [...callbacks]) {
      // A listener's failure must not stop the others from waking up.
      try {
        callback();
      } catch {
        /* the listener owns its errors */
      }
    }
  };
  return {
    listen(channel, onNotification) {
      let callbacks = listeners.get(channel);
      if (!callbacks) listeners.set(channel, (callbacks = new Set()));
      const registered = () => onNotification();
      callbacks.add(registered);
      return () => {
        callbacks.delete(registered);
        if (callbacks.size === 0 && listeners.get(channel) === callbacks) listeners.delete(channel);
      };
    },
    notify(channel) {
      const callbacks = listeners.get(channel);
      if (callbacks) deliver(callbacks);
    },
    channels: () => [...listeners.keys()],
    notifyAll() {
      for (const callbacks of listeners.values()) deliver(callbacks);
    },
  };
}
