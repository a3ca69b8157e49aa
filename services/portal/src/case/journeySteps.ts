// The family's journey as a fixed line of steps, each done (with when and by whom, from the case's
// history), current (the domain's next step: who, by when) or still to come.
import { dateInAmsterdam, text, type CaseEventType, type StepAction, type Text } from '@kot/domain';
import type { CaseView, HistoryEntryView, NextStepView } from '../api/caseView';

export type StepKey =
  | 'referral'
  | 'claim'
  | 'request'
  | 'register'
  | 'indication'
  | 'forms'
  | 'application'
  | 'receipt'
  | 'decision'
  | 'after'
  | 'closed';

export interface JourneyStep {
  key: StepKey;
  label: Text;
  progress: 'done' | 'current' | 'upcoming' | 'skipped';
  /** Business date and organisation of the event that completed the step. */
  doneOn?: string;
  doneBy?: { organisation: string; role: string };
  /** The decision on the application, when the step is the decision. */
  outcome?: { granted: boolean; grantedFrom: string | null };
  current?: NextStepView;
}

const steps: Array<{ key: StepKey; label: Text; events: CaseEventType[] }> = [
  {
    key: 'referral',
    label: text('Doorverwezen door de gemeente', 'Referred by the municipality'),
    events: ['ReferralOpened'],
  },
  {
    key: 'claim',
    label: text('Opgepakt door een ondersteuner', 'Taken on by a supporter'),
    events: ['CaseClaimed'],
  },
  {
    key: 'request',
    label: text('Aangevraagd bij Dienst Toeslagen', 'Requested at Dienst Toeslagen'),
    events: ['KotRequested'],
  },
  {
    key: 'register',
    label: text('Wlz-verzoek geregistreerd door Toeslagen', 'Wlz request registered by Toeslagen'),
    events: ['WlzRequestRegistered'],
  },
  {
    key: 'indication',
    label: text('Wlz-indicatie bevestigd door Toeslagen', 'Wlz-indication confirmed by Toeslagen'),
    events: ['WlzIndicationConfirmed', 'CizDecisionCopySubmitted'],
  },
  {
    key: 'forms',
    label: text('Formulieren verstuurd door Toeslagen', 'Forms sent by Toeslagen'),
    events: ['ApplicationFormsSent'],
  },
  {
    key: 'application',
    label: text(
      'Aanvraag ingevuld, getekend en teruggestuurd',
      'Application filled in, signed and returned',
    ),
    events: ['ApplicationSubmitted'],
  },
  {
    key: 'receipt',
    label: text('Aanvraag ontvangen door Toeslagen', 'Application received by Toeslagen'),
    events: ['ApplicationReceived'],
  },
  {
    key: 'decision',
    label: text('Besluit van Dienst Toeslagen', 'Decision by Dienst Toeslagen'),
    events: ['KotGranted', 'KotRejected'],
  },
  {
    key: 'after',
    label: text('SMI en toeslag laten aansluiten', 'Align SMI and the allowance'),
    events: ['SmiEnded', 'ObjectionDecided'],
  },
  {
    key: 'closed',
    label: text('Zaak afgesloten', 'Case closed'),
    events: ['CaseClosed', 'CaseWithdrawn'],
  },
];

const stepOfAction: Record<StepAction, StepKey> = {
  'offer-to-supporter': 'claim',
  'claim-or-decline-offer': 'claim',
  'get-case-claimed': 'claim',
  'arrange-mandate': 'claim',
  'request-kot': 'request',
  'register-wlz-request': 'register',
  'confirm-indication': 'indication',
  'send-ciz-decision': 'indication',
  'send-forms': 'forms',
  'return-forms': 'application',
  'register-receipt': 'receipt',
  'decide-application': 'decision',
  'align-smi': 'after',
  aftercare: 'after',
  'continue-smi': 'after',
  'decide-objection': 'after',
  'secure-funding': 'after',
  'reapply-or-object': 'after',
  'confirm-decision-received': 'after',
  'appeal-or-reapply': 'after',
  'record-court-ruling': 'after',
  'decide-with-family': 'request',
  'reassess-indication': 'after',
  'pass-change-to-toeslagen': 'after',
  'process-change': 'after',
  'check-correction': 'after',
  'settle-kot': 'after',
};

/**
 * The step of the process the case stands at: a funding step runs beside the process (the
 * municipality secures the days while Toeslagen still decides), so the line shows the step behind
 * it where there is one.
 */
const processStepOf = (atTurn: NextStepView[]): NextStepView | null =>
  atTurn.find((step) => step.action !== 'secure-funding') ?? atTurn[0] ?? null;

export function journeySteps(view: CaseView, history: HistoryEntryView[]): JourneyStep[] {
  const atStep = processStepOf(view.atTurn);
  // Deciding with the family after a "no" comes before the request; before anyone took the case
  // on, it is the officer's, in place of the offer.
  const currentKey = !atStep
    ? null
    : atStep.action === 'decide-with-family' && !view.claim
      ? 'claim'
      : stepOfAction[atStep.action];
  const result: JourneyStep[] = steps.map((step) => {
    const entry = [...history].reverse().find((e) => (step.events as string[]).includes(e.type));
    const done = entry !== undefined && step.key !== currentKey;
    const base: JourneyStep = {
      key: step.key,
      label: step.label,
      progress: done ? 'done' : step.key === currentKey ? 'current' : 'upcoming',
    };
    if (entry && done) {
      base.doneOn = dateInAmsterdam(entry.occurredAt);
      base.doneBy = { organisation: entry.actor.organisation, role: entry.actor.role };
    }
    if (step.key === 'decision' && view.decision) {
      base.outcome = {
        granted: view.decision.outcome === 'granted',
        grantedFrom: view.decision.grantedFrom,
      };
    }
    if (step.key === currentKey && atStep) base.current = atStep;
    return base;
  });
  // A step nobody needed (the desk registered the request the supporter phoned in) is skipped.
  const lastDone = result.map((s) => s.progress).lastIndexOf('done');
  const currentIndex = result.findIndex((s) => s.progress === 'current');
  const reached = Math.max(lastDone, currentIndex);
  return result.map((step, index) =>
    step.progress === 'upcoming' && index < reached ? { ...step, progress: 'skipped' } : step,
  );
}
