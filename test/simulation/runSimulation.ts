// One simulated year. Each day, in this order: the clock moves to the day; new families are
// referred; the world does what nobody on the platform decides (Toeslagen setting KOT to zero on a
// wrong figure, a temporary indication running out); people do what they planned for today; the
// deadline timers run; every new step on someone's worklist gets a day on which its owner will look
// at it; and the day is measured. Commands run one at a time, so a run is repeatable to the event.
import {
  addDays,
  dayNumber,
  firstUnsecuredDay,
  fromDayNumber,
  fundingCoverage,
  isOpen,
  nextStep,
  notificationsForDeadlines,
  notificationsForEvent,
  pendingOffer,
  type CaseState,
  type IsoDate,
  type PartyRef,
} from '@kot/domain';
import {
  claimantAction,
  cizAction,
  kindOf,
  officerAction,
  officerOf,
  supportersOf,
  toeslagenAction,
  toeslagenOfficer,
  type CaseMemory,
  type Intent,
  type PartyKind,
  type Situation,
} from './actors';
import { escalationRules, fundingRules, Inboxes, partyKey, type Message } from './inboxes';
import {
  funnelOfCases,
  percentiles,
  type CaseEventLine,
  type DayCounts,
  type RunMeasures,
  type SilentDay,
} from './measures';
import type { SimulationParameters } from './parameters';
import { startSimulatedPlatform, type AppendedEvent } from './platform';
import { drawPopulation, type Family } from './population';
import { chance, delayDays, randomStream } from './random';

export interface RunOptions {
  databaseUrl?: string;
  /** Called after each simulated day (progress bar). */
  onDay?: (dayIndex: number, days: number, openCases: number) => void;
}

export interface RunResult {
  parameters: SimulationParameters;
  engine: string;
  seconds: number;
  /** CPU seconds of this process (user + system) during the run: the machine is shared. */
  cpuSeconds: number;
  commands: number;
  events: number;
  measures: RunMeasures;
  /** The funnel counted again from the store's own log, after the run. */
  funnelFromLog: RunMeasures['funnel'];
}

interface Task {
  caseId: string;
  party: Pick<PartyRef, 'organisation' | 'role'>;
  /** A lead nudging the step's owner, a worklist item, or an inbox message. */
  origin: 'worklist' | 'inbox' | 'nudge' | 'follow-up';
  /** The notification that brought the party here, when one did. */
  rule?: string;
  /** The worklist item it was planned for: gone from the list, nothing to do. */
  stepKey?: string;
}

interface Tracked {
  family: Family;
  memory: CaseMemory;
  stepKey: string | null;
  stepSince: IsoDate | null;
  stepAction: string | null;
  /** The supporter who went silent (the failure), once they claimed. */
  silentParty: string | null;
  unfundedSince: IsoDate | null;
  surfacedRun: IsoDate | null;
  causeOnDay: Map<IsoDate, string>;
  grantedOn: IsoDate | null;
  lostLetterDecidedOn: IsoDate | null;
  lastState: CaseState | null;
  watched: boolean;
}

/** A person does at most this many things on one visit to a case. */
const MAX_ACTIONS_PER_VISIT = 4;
/** Days a supporter's step may be overdue before the officer takes the case back. */
const RELEASE_AFTER_DAYS_OVERDUE = 7;

const instantOf = (day: IsoDate): string => `${day}T10:00:00.000Z`;

export async function runSimulation(
  parameters: SimulationParameters,
  options: RunOptions = {},
): Promise<RunResult> {
  const started = Date.now();
  const cpuStarted = process.cpuUsage();
  const families = drawPopulation(parameters);
  const tracked = new Map<string, Tracked>();
  const byArrival = new Map<IsoDate, Family[]>();
  for (const family of families) {
    byArrival.set(family.referredOn, [...(byArrival.get(family.referredOn) ?? []), family]);
  }
  const inboxes = new Inboxes();
  const tasks = new Map<number, Task[]>();
  const scheduled = new Set<string>();
  const eventLines: CaseEventLine[] = [];
  const counters = {
    actions: {} as Record<string, number>,
    refusals: {} as Record<string, number>,
    escalations: {} as Record<string, number>,
  };
  const bump = (into: Record<string, number>, key: string) => (into[key] = (into[key] ?? 0) + 1);
  const stepDurations = new Map<string, number[]>();
  const silentExamples: SilentDay[] = [];
  let silentDays = 0;
  const surfaceTimes: number[] = [];
  const lostLetterDays: number[] = [];
  const daily: DayCounts[] = [];
  let today = parameters.firstDay;
  let commands = 0;
  const delays = parameters.delays.value;

  const schedule = (day: number, task: Task) => {
    const key = `${day}|${task.caseId}|${partyKey(task.party)}`;
    if (scheduled.has(key)) return;
    scheduled.add(key);
    tasks.set(day, [...(tasks.get(day) ?? []), task]);
  };

  /** A message is read after a few days, or missed. Leads nudge the step's owner. */
  const onMessage = (message: Message & { party: string; role: string }) => {
    const random = randomStream(parameters.seed, 'inbox', message.id);
    if (chance(random, parameters.inbox.value.missed)) return;
    const [organisation, role] = [
      message.party.slice(0, message.party.lastIndexOf('/')),
      message.role,
    ];
    const day =
      dayNumber(today) + Math.floor(random() * (parameters.inbox.value.readWithinDays + 1));
    schedule(day, {
      caseId: message.caseId,
      party: { organisation, role: role as PartyRef['role'] },
      origin: 'inbox',
      rule: message.rule,
    });
    if (escalationRules.has(message.rule)) bump(counters.escalations, message.rule);
  };

  const platform = await startSimulatedPlatform({
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    onAppended(caseId, appended: AppendedEvent[]) {
      for (const { eventId, event, before, after } of appended) {
        eventLines.push({
          caseId,
          type: event.type,
          data: event.data as unknown as Record<string, unknown>,
        });
        const entry = tracked.get(caseId);
        if (
          entry &&
          (event.type === 'KotGranted' || (event.type === 'ObjectionDecided' && event.data.upheld))
        ) {
          entry.grantedOn = today;
        }
        if (
          entry &&
          entry.family.failures.lostDecisionLetter &&
          (event.type === 'KotRejected' || event.type === 'KotGranted')
        ) {
          entry.lostLetterDecidedOn = today;
        }
        for (const message of inboxes.deliver(
          notificationsForEvent(event, eventId, before, after),
          today,
          false,
        )) {
          onMessage(message);
        }
      }
    },
  });

  const situation = (entry: Tracked, state: CaseState): Situation => ({
    state,
    family: entry.family,
    memory: entry.memory,
    today,
    now: instantOf(today),
    supporters: supportersOf(
      entry.family.municipality.code,
      parameters.supportersPerMunicipality.value,
    ),
    offerDeclined: parameters.offerDeclined.value,
  });

  const carryOut = async (entry: Tracked, intent: Intent | null): Promise<boolean> => {
    if (!intent) return false;
    if (intent.tell) {
      const random = randomStream(parameters.seed, 'told', entry.family.caseId);
      const kind = kindOf(intent.tell);
      schedule(dayNumber(today) + Math.max(1, stepDelay(kind, 'told', random)), {
        caseId: entry.family.caseId,
        party: intent.tell,
        origin: 'worklist',
      });
    }
    if (!intent.command) {
      bump(counters.actions, intent.why);
      return true;
    }
    commands++;
    const outcome = await platform.execute(intent.command, intent.actor, `sim-${commands}`);
    if (outcome.ok) {
      bump(counters.actions, intent.why);
      if (
        entry.lostLetterDecidedOn &&
        intent.actor.role !== 'toeslagen-officer' &&
        intent.actor.role !== 'smi-officer'
      ) {
        lostLetterDays.push(dayNumber(today) - dayNumber(entry.lostLetterDecidedOn));
        entry.lostLetterDecidedOn = null;
      }
    } else {
      // Grouped by their words, not their dates: one line per kind of refusal.
      bump(
        counters.refusals,
        `${intent.command.type}: ${outcome.reason.replace(/\d{4}-\d{2}-\d{2}/g, '<date>')}`,
      );
    }
    return outcome.ok;
  };

  /** What one party does on one visit to a case: a few things in a row, as a person would. */
  const intentOf = (task: Task, entry: Tracked, state: CaseState): Intent | null => {
    const s = situation(entry, state);
    switch (kindOf(task.party)) {
      case 'officer':
        return officerAction(s);
      case 'supporter':
      case 'household': {
        const party = { organisation: task.party.organisation, role: task.party.role } as PartyRef;
        return claimantAction(s, party);
      }
      case 'toeslagen':
        return toeslagenAction(s);
      case 'ciz':
        return cizAction(s);
      case 'lead':
        return null;
    }
  };

  const look = async (task: Task) => {
    const entry = tracked.get(task.caseId);
    if (!entry) return;
    const kind: PartyKind = kindOf(task.party);
    if (kind === 'supporter' && entry.silentParty === task.party.organisation) return;
    if (task.stepKey) {
      const state = platform.caseState(task.caseId);
      const current = [nextStep(state, instantOf(today)), pendingOffer(state, instantOf(today))];
      if (!current.some((item) => stepKeyOf(item) === task.stepKey)) return;
    }
    // Toeslagen decides at its own pace (its worklist, or when its team lead asks); a message that
    // arrives meanwhile does not hurry the decision.
    if (kind === 'toeslagen' && task.origin === 'inbox') {
      const action = nextStep(platform.caseState(task.caseId), instantOf(today))?.action;
      if (action === 'decide-application' || action === 'decide-objection') return;
    }
    if (kind === 'lead') {
      // A team lead reads the escalation and asks whoever must act to do so tomorrow: the officer
      // for the family's funding, the step's owner otherwise.
      const step = nextStep(platform.caseState(task.caseId), instantOf(today));
      const party =
        task.rule && fundingRules.has(task.rule as never)
          ? officerOf(entry.family.municipality.code)
          : step?.responsible;
      if (party) schedule(dayNumber(today) + 1, { caseId: task.caseId, party, origin: 'nudge' });
      return;
    }
    // One visit may take a few actions on the same step (the officer checks eligibility, then
    // offers); a new step waits for its own turn on the worklist, with its own delay, so a desk
    // never registers receipt and decides on the same visit.
    const stepAtStart = stepKeyOf(nextStep(platform.caseState(task.caseId), instantOf(today)));
    for (let visit = 0; visit < MAX_ACTIONS_PER_VISIT; visit++) {
      const state = platform.caseState(task.caseId);
      if (visit > 0 && stepKeyOf(nextStep(state, instantOf(today))) !== stepAtStart) break;
      const intent = intentOf(task, entry, state);
      if (!intent) break;
      if (intent.why === 'claim' && kind === 'supporter' && entry.family.failures.silentSupporter) {
        entry.silentParty = task.party.organisation;
      }
      if (!(await carryOut(entry, intent))) break;
      if (entry.silentParty === task.party.organisation) break;
    }
    // An officer who sees a supporter's step overdue calls them; a week later, still nothing,
    // the municipality takes the case back (officerAction) and offers it again.
    const state = platform.caseState(task.caseId);
    const step = nextStep(state, instantOf(today));
    if (
      kind === 'officer' &&
      step?.overdue &&
      step.escalateTo.role === 'smi-officer' &&
      state.claim
    ) {
      const followUp = dayNumber(step.due) + RELEASE_AFTER_DAYS_OVERDUE;
      if (followUp > dayNumber(today)) {
        schedule(followUp, { caseId: task.caseId, party: task.party, origin: 'follow-up' });
      }
    }
  };

  /** World events: what happens outside the platform's steps (see parameters.failures). */
  const world = async (entry: Tracked, state: CaseState) => {
    const runs =
      state.status === 'granted' ||
      (state.status === 'closed' && state.closure?.outcome === 'kot-granted');
    if (!runs) return;
    const zeroAfter = entry.family.failures.setToZeroAfterDays;
    if (zeroAfter !== null && entry.grantedOn && addDays(entry.grantedOn, zeroAfter) === today) {
      await carryOut(entry, {
        actor: toeslagenOfficer,
        why: 'world: kot-set-to-zero',
        command: {
          type: 'StopKot',
          caseId: entry.family.caseId,
          stoppedFrom: today,
          setToZero: true,
          reason: 'Inkomensgegeven onjuist verwerkt.',
        } as never,
      });
      return;
    }
    const validTo = state.indication?.validTo;
    if (validTo && addDays(validTo, 1 + delays.toeslagenDesk.typical) === today) {
      await carryOut(entry, {
        actor: toeslagenOfficer,
        why: 'world: indication-ran-out',
        command: {
          type: 'StopKot',
          caseId: entry.family.caseId,
          stoppedFrom: addDays(validTo, 1),
          setToZero: false,
          reason: 'De Wlz-indicatie is afgelopen.',
        } as never,
      });
    }
  };

  const stepDelay = (kind: PartyKind, action: string, random: () => number): number => {
    switch (kind) {
      case 'officer':
      case 'lead':
        return delayDays(random, delays.officer);
      case 'supporter':
        return delayDays(random, delays.supporter);
      case 'household':
        return delayDays(random, delays.household);
      case 'ciz':
        return delayDays(random, delays.ciz);
      case 'toeslagen':
        return delayDays(
          random,
          action === 'decide-application' || action === 'decide-objection'
            ? delays.toeslagenDecision
            : delays.toeslagenDesk,
        );
    }
  };

  const first = dayNumber(parameters.firstDay);
  for (let index = 0; index < parameters.days; index++) {
    today = fromDayNumber(first + index);
    const now = instantOf(today);
    platform.setNow(new Date(now));

    for (const family of byArrival.get(today) ?? []) {
      const entry: Tracked = {
        family,
        memory: { checked: false, offeredTo: [], householdTold: false },
        stepKey: null,
        stepSince: null,
        stepAction: null,
        silentParty: null,
        unfundedSince: null,
        surfacedRun: null,
        causeOnDay: new Map(),
        grantedOn: null,
        lostLetterDecidedOn: null,
        lastState: null,
        watched: false,
      };
      tracked.set(family.caseId, entry);
      await carryOut(entry, {
        actor: officerOf(family.municipality.code),
        why: 'refer',
        command: {
          type: 'OpenReferral',
          caseId: family.caseId,
          municipality: family.municipality.code,
          household: family.household,
          children: family.children,
          smiPeriod: family.smiPeriod,
        } as never,
      });
    }

    for (const entry of tracked.values())
      await world(entry, platform.caseState(entry.family.caseId));

    // Tasks may add tasks for today (none: every new task is for a later day or deduplicated).
    const due = tasks.get(first + index) ?? [];
    tasks.delete(first + index);
    for (const task of due) await look(task);
    // Acting on a case changes its step: the officer's referral check is followed by an offer
    // on the same visit when the person looks again (the next day at the earliest).

    let open = 0;
    const counts: DayCounts = { day: today, accepted: 0, notified: 0, silent: 0, open: 0 };
    for (const entry of tracked.values()) {
      const caseId = entry.family.caseId;
      const state = platform.caseState(caseId);
      // States are immutable: a case whose state did not change keeps its answer (most are closed).
      if (state !== entry.lastState) {
        entry.lastState = state;
        entry.watched = isOpen(state) || closedWithGap(state);
      }
      const watched = entry.watched;
      if (!watched) {
        closeStep(entry, state, stepDurations, today);
        continue;
      }
      open++;
      // The timers: what the notifications service's deadline scan says today.
      for (const message of inboxes.deliver(notificationsForDeadlines(state, now), today, true)) {
        onMessage(message);
      }
      // The worklists: a new step gets a day on which its owner looks at it.
      const step = nextStep(state, now);
      const offer = pendingOffer(state, now);
      for (const item of [step, offer]) {
        if (!item) continue;
        const key = `${item.action}|${item.since}|${partyKey(item.responsible)}`;
        const random = randomStream(parameters.seed, 'step', caseId, key);
        const kind = kindOf(item.responsible);
        const seenKey = `seen|${caseId}|${key}`;
        if (!scheduled.has(seenKey)) {
          scheduled.add(seenKey);
          schedule(dayNumber(today) + Math.max(1, stepDelay(kind, item.action, random)), {
            caseId,
            party: item.responsible,
            origin: 'worklist',
            stepKey: key,
          });
        }
      }
      trackStep(entry, step, stepDurations, today);

      // The measure: a day without funding that nobody accepted, and whether its owner knows.
      if (firstUnsecuredDay(state, today, today) !== null) {
        if (entry.unfundedSince === null) {
          entry.unfundedSince = today;
          entry.causeOnDay.set(today, causeOf(state, entry.family));
        }
        const since = addDays(entry.unfundedSince, -21);
        const owners = [step?.responsible, offer?.responsible].filter((p): p is PartyRef => !!p);
        const told = owners.some((p) =>
          inboxes.toldAboutFunding(caseId, partyKey(p), since, today),
        );
        if (told) {
          counts.notified++;
          if (entry.surfacedRun !== entry.unfundedSince) {
            entry.surfacedRun = entry.unfundedSince;
            surfaceTimes.push(dayNumber(today) - dayNumber(entry.unfundedSince));
          }
        } else {
          counts.silent++;
          silentDays++;
          if (silentExamples.length < 2000) {
            silentExamples.push({
              caseId,
              family: entry.family.n,
              day: today,
              status: state.status,
              step: step?.action ?? null,
              owner: step ? partyKey(step.responsible) : null,
              officerTold: inboxes.toldAboutFunding(
                caseId,
                partyKey(officerOf(entry.family.municipality.code)),
                since,
                today,
              ),
            });
          }
        }
      } else {
        entry.unfundedSince = null;
        if (!fundedOn(state, today)) {
          counts.accepted++;
          // A gap accepted before it began is never unsecured: its cause is taken on its first day.
          if (fundedOn(state, addDays(today, -1)))
            entry.causeOnDay.set(today, causeOf(state, entry.family));
        }
      }
    }
    counts.open = open;
    daily.push(counts);
    options.onDay?.(index + 1, parameters.days, open);
  }

  const lastNow = instantOf(today);
  const unfundedByCause: RunMeasures['unfundedByCause'] = {};
  const unfundedByFailure: Record<string, number> = {};
  let unfundedDaysTotal = 0;
  let openAtEnd = 0;
  for (const entry of tracked.values()) {
    const state = platform.caseState(entry.family.caseId);
    if (isOpen(state)) openAtEnd++;
    const coverage = fundingCoverage(state, lastNow);
    for (const gap of coverage.gaps) {
      const cause = entry.causeOnDay.get(gap.from) ?? nearestCause(entry, gap.from);
      const bucket = (unfundedByCause[cause] ??= { accepted: 0, unaccepted: 0 });
      if (gap.accepted) bucket.accepted += gap.days;
      else bucket.unaccepted += gap.days;
      unfundedDaysTotal += gap.days;
      for (const failure of failuresOf(entry.family)) {
        unfundedByFailure[failure] = (unfundedByFailure[failure] ?? 0) + gap.days;
      }
    }
  }
  const failuresInjected: Record<string, number> = {};
  for (const family of families) {
    for (const failure of failuresOf(family)) bump(failuresInjected, failure);
  }

  const log = await platform.readLog();
  await platform.close();
  const stepDays: RunMeasures['stepDays'] = {};
  for (const [action, values] of [...stepDurations.entries()].sort())
    stepDays[action] = percentiles(values);
  const measures: RunMeasures = {
    funnel: funnelOfCases(eventLines),
    stepDays,
    silentDays,
    silentExamples,
    timeToNotifiedOwner: percentiles(surfaceTimes),
    unfundedByCause,
    unfundedByFailure,
    unfundedDaysTotal,
    daily,
    notifications: {
      total: inboxes.total,
      perFamily: families.length ? inboxes.total / families.length : 0,
      byRole: Object.fromEntries([...inboxes.countsByRole.entries()].sort()),
      byRule: Object.fromEntries([...inboxes.countsByRule.entries()].sort()),
    },
    escalations: counters.escalations,
    actions: counters.actions,
    refusals: counters.refusals,
    failuresInjected,
    lostLetterDaysToAction: percentiles(lostLetterDays),
    openAtEnd,
  };
  return {
    parameters,
    engine: platform.engine,
    seconds: (Date.now() - started) / 1000,
    cpuSeconds: cpuSecondsSince(cpuStarted),
    commands,
    events: log.length,
    measures,
    funnelFromLog: funnelOfCases(log),
  };
}

const fundedOn = (state: CaseState, day: IsoDate): boolean =>
  [...state.smi, ...state.kot].some((p) => p.from <= day && (p.to === undefined || day <= p.to));

/** A case closed on a day without funding that nobody accepted stays watched (fundingCoverage). */
const closedWithGap = (state: CaseState): boolean =>
  state.closure !== null && firstUnsecuredDay(state, state.closure.on, state.closure.on) !== null;

function causeOf(state: CaseState, family: Family): string {
  if (state.status === 'kot-stopped') {
    return state.kotStop?.setToZero ? 'KOT set to zero' : 'KOT stopped (indication ended)';
  }
  if (state.status === 'rejected' || state.status === 'objection') return 'after a rejection';
  if (state.status === 'closed') return 'case closed during a gap';
  if (family.failures.smiEndedEarly) return 'SMI ended early, KOT not yet decided';
  return `SMI ran out while ${state.status}`;
}

function nearestCause(entry: Tracked, day: IsoDate): string {
  // A gap that opened backwards (a stop from an earlier day, an SMI end dated back): the cause seen
  // on the first day the simulation saw it unfunded after the gap began.
  const later = [...entry.causeOnDay.entries()].filter(([d]) => d >= day).sort();
  return later[0]?.[1] ?? 'opened backwards (a back-dated stop or end)';
}

function failuresOf(family: Family): string[] {
  const f = family.failures;
  return [
    ...(f.lostDecisionLetter ? ['lost decision letter'] : []),
    ...(f.silentSupporter ? ['silent supporter'] : []),
    ...(f.mandateEndsAfterDays !== null ? ['expiring mandate'] : []),
    ...(f.smiEndedEarly ? ['SMI ended early'] : []),
    ...(family.indication.validTo && family.indication.validTo < addDays(family.referredOn, 365)
      ? ['temporary indication runs out']
      : []),
    ...(f.setToZeroAfterDays !== null ? ['KOT set to zero'] : []),
  ];
}

const stepKeyOf = (step: ReturnType<typeof nextStep>): string | null =>
  step ? `${step.action}|${step.since}|${partyKey(step.responsible)}` : null;

function trackStep(
  entry: Tracked,
  step: ReturnType<typeof nextStep>,
  durations: Map<string, number[]>,
  today: IsoDate,
) {
  const key = stepKeyOf(step);
  if (key === entry.stepKey) return;
  closeStep(entry, null, durations, today);
  entry.stepKey = key;
  entry.stepAction = step?.action ?? null;
  entry.stepSince = step ? today : null;
}

function closeStep(
  entry: Tracked,
  _state: CaseState | null,
  durations: Map<string, number[]>,
  today: IsoDate,
) {
  if (entry.stepAction && entry.stepSince) {
    const list = durations.get(entry.stepAction) ?? [];
    list.push(dayNumber(today) - dayNumber(entry.stepSince));
    durations.set(entry.stepAction, list);
  }
  entry.stepKey = null;
  entry.stepAction = null;
  entry.stepSince = null;
}

function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}
