// KurrentDB positions are {commit, prepare} byte offsets in the transaction log; the port's
// `position` is one increasing JS number. Every event appended over gRPC is committed on its own
// record (an implicit transaction), so its commit and prepare positions are equal, and that
// single offset is the number we use. Explicit transactions, which only the legacy TCP API could
// write, give events of one commit the same commit position: they cannot be mapped and are refused
// loudly. A log offset stays exact in a double up to 2^53 bytes (8 PiB) of log.
import type { KurrentPosition } from './kurrentClient';

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
