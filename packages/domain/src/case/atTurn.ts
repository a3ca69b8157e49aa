// Who must act on a case now, for a page that says it in one line ("aan zet"). Usually the next
// step's owner alone; two steps run side by side when an offer waits for the supporter it was made
// to (the supporter acts, the officer only makes sure they do) and when a funding step stands in
// front of the process (the municipality secures the days, while Toeslagen still decides).
import type { Instant } from '../calendar';
import { nextStep, pendingOffer, stepBehindFunding, type NextStep } from './nextStep';
import { defaultSmiPolicy, type SmiPolicy } from './smiPolicy';
import type { CaseState } from './state';

/** The steps at turn now, the one that acts first; empty for a case with nothing left to do. */
export function stepsAtTurn(
  state: CaseState,
  now: Instant,
  policy: SmiPolicy = defaultSmiPolicy(state.municipality),
): NextStep[] {
  const step = nextStep(state, now, policy);
  if (!step) return [];
  const offer = pendingOffer(state, now);
  const behind = stepBehindFunding(state, now, policy);
  const steps = behind ? [step, behind] : [step];
  return steps.map((s) => (offer && s.action === 'get-case-claimed' ? offer : s));
}
