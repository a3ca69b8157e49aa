// Kafka refuses a produce request whose record batch is larger than the broker's (or topic's)
// `message.max.bytes` (1 MB by default): the relay would then fail the same batch for ever. So a
// relay batch is split into requests under that size, and a single event that could never fit is
// refused with an error that names it (by stream, event id and size; never its content).

import type { BusMessage } from './messageBus';

/** Bytes a record adds to a batch beyond its key, value and headers (Kafka's record overhead, rounded up). */
const RECORD_OVERHEAD_BYTES = 70;
/** Kafka's default message.max.bytes (1 MB) less a margin for the batch header. */
export const DEFAULT_MAX_REQUEST_BYTES = 1_000_000 - 4_096;

export class MessageTooLargeError extends Error {
  constructor(
    readonly key: string,
    readonly messageId: string,
    readonly sizeInBytes: number,
    readonly limitInBytes: number,
  ) {
    super(
      `Kafka message ${messageId} (key ${key}) is ${sizeInBytes} bytes; the broker accepts at most ${limitInBytes} (message.max.bytes); raise it on the topic or the broker`,
    );
    this.name = 'MessageTooLargeError';
  }
}

export function messageBytes(message: BusMessage): number {
  const headers = Object.entries(message.headers ?? {}).reduce(
    (sum, [name, value]) => sum + Buffer.byteLength(name) + Buffer.byteLength(value),
    0,
  );
  return (
    Buffer.byteLength(message.key) +
    Buffer.byteLength(message.value) +
    headers +
    RECORD_OVERHEAD_BYTES
  );
}

/** Splits messages, in order, into batches of at most `maxBytes` each (uncompressed). */
export function splitIntoBatches(
  messages: readonly BusMessage[],
  maxBytes: number,
  idOf: (message: BusMessage) => string = () => '(unknown)',
): BusMessage[][] {
  const batches: BusMessage[][] = [];
  let current: BusMessage[] = [];
  let currentBytes = 0;
  for (const message of messages) {
    const bytes = messageBytes(message);
    if (bytes > maxBytes)
      throw new MessageTooLargeError(message.key, idOf(message), bytes, maxBytes);
    if (currentBytes + bytes > maxBytes && current.length > 0) {
      batches.push(current);
      current = [];
      currentBytes = 0;
    }
    current.push(message);
    currentBytes += bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
