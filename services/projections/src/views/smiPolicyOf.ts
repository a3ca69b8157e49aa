// The municipality's SMI policy, read from its own stream (smi-policy-<code>): the last one set, or
// the domain's default while none was recorded.
import {
  defaultSmiPolicy,
  foldSmiPolicy,
  smiPolicyStreamId,
  type SmiPolicy,
  type SmiPolicySet,
} from '@kot/domain';
import type { EventStore } from '../eventStorePort';

export interface RecordedSmiPolicy {
  policy: SmiPolicy;
  recorded: boolean;
  /** Who set the policy in force and when; absent while the default applies. */
  setBy?: { id: string; role: string };
  setAt?: string;
}

export async function smiPolicyOf(
  store: EventStore,
  municipality: string,
): Promise<RecordedSmiPolicy> {
  if (!municipality) return { policy: defaultSmiPolicy(municipality), recorded: false };
  const events = await store.readStream(smiPolicyStreamId(municipality));
  const set = events.map(
    (event) =>
      ({ type: 'SmiPolicySet', schemaVersion: 1, data: event.data }) as unknown as SmiPolicySet,
  );
  const last = events.at(-1);
  return {
    policy: foldSmiPolicy(municipality, set),
    recorded: set.length > 0,
    ...(last
      ? {
          setBy: { id: last.metadata.actor.id, role: last.metadata.actor.role },
          setAt: last.metadata.occurredAt,
        }
      : {}),
  };
}
