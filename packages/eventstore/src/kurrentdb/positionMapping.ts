// KurrentDB positions are {commit, prepare} byte offsets in the transaction log; the port's
// `position` is one increasing JS number. Every event appended over gRPC is committed on its own
// record (an implicit transaction), so its commit and prepare positions are equal, and that
// single offset is the number we use. Explicit transactions, which only the legacy TCP API could
// write, give events of one commit the same commit position: they cannot be mapped and are refused
// loudly. A log offset stays exact in a double up to 2^53 bytes (8 PiB) of log.
//
// That holds for $all reads and subscriptions, which read the log itself. Stream reads read the
// stream index, which does not hold log positions: servers before 22.6 send none (the client
// leaves the field out, or it carries 2^64 - 1, "no position"), and later servers fill it in only
// for events not written in an explicit transaction (KurrentDB pull request 3459). A stream read
// therefore takes the position when it is exact and reports 0 ("not known", positions are
// 1-based) otherwise; nothing done with a stream's events needs more (revisions order them).
import type { KurrentPosition } from './kurrentClient';

/** What a position field carries when the server has no position for the event. */
const NO_POSITION = 2n ** 64n - 1n;

/** The position of an event read from its stream: exact, or 0 when the server did not report one. */
export function toStreamReadPosition(position: KurrentPosition | undefined): number {
  if (
    !position ||
    position.commit !== position.prepare ||
    position.commit === NO_POSITION ||
    position.commit > BigInt(Number.MAX_SAFE_INTEGER)
  ) {
    return 0;
  }
  return Number(position.commit);
}

export function toNumericPosition(position: KurrentPosition): number {
  if (position.commit !== position.prepare) {
    throw new Error(
      `KurrentDB event at commit ${position.commit} / prepare ${position.prepare} was written in an explicit transaction; this adapter maps only single-record commits`,
    );
  }
  return toSafeNumber(position.commit);
}

export function toKurrentPosition(position: number): KurrentPosition {
  const offset = BigInt(position);
  return { commit: offset, prepare: offset };
}

export function toSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new Error(`KurrentDB value ${value} is beyond Number.MAX_SAFE_INTEGER`);
  }
  return Number(value);
}
