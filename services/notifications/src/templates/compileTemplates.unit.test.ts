import { actors, caseId } from '@kot/domain/testing';
import {
  evolve,
  foldCase,
  handleCommand,
  notificationRules,
  notificationsForDeadlines,
  notificationsForEvent,
  type CaseEvent,
  type NotificationIntent,
} from '@kot/domain';
import { referralStep, untilDecision, type StepName } from '../testing/caseStories';
import { compileTemplates, TemplateError } from './compileTemplates';
import { notificationTemplates, type NotificationTemplates } from './notificationTemplates';
import { baseParameters, ruleParameters } from './ruleParameters';

const withTemplate = (
  rule: keyof NotificationTemplates,
  language: 'nl' | 'en',
  template: { subject: string; body: string } | undefined,
): NotificationTemplates => ({
  ...notificationTemplates,
  [rule]: { ...notificationTemplates[rule], [language]: template },
});

function problemsOf(templates: NotificationTemplates): readonly string[] {
  try {
    compileTemplates(templates, ruleParameters);
  } catch (error) {
    if (error instanceof TemplateError) return error.problems;
    throw error;
  }
  return [];
}

const eventsOf = (steps: readonly StepName[]): CaseEvent[] =>
  steps.reduce<CaseEvent[]>((events, name) => {
    const [command, ctx] = referralStep(caseId, name);
    return [...events, ...handleCommand(command, foldCase(events), ctx)];
  }, []);

/** Every intent the domain rules produce along the stories the service is tested with. */
const temporary: StepName[] = untilDecision.map((name) =>
  name === 'confirm' ? 'confirmTemporary' : name,
);

function intentsAlongStories(): NotificationIntent[] {
  const intents: NotificationIntent[] = [];
  const stories: StepName[][] = [
    [...untilDecision, 'grant', 'stopToZero'],
    [...untilDecision, 'reject', 'object'],
    [...untilDecision, 'reject', 'endSmiAcceptingGap'],
    [...untilDecision, 'reject', 'reinstateSmi'],
    [...untilDecision, 'releaseWhileWaiting', 'reject'],
    ['open', 'offer', 'claim', 'release'],
    ['open', 'offer', 'decline'],
    ['open', 'offer', 'claim', 'closeNotEligible'],
    ['open', 'offer', 'claim', 'request', 'register', 'notFound'],
    [...untilDecision, 'grant', 'change'],
    [...untilDecision, 'grant', 'recordChange', 'passChange', 'correctIndicatedPartner', 'settle'],
    [...untilDecision, 'extendSmi'],
    [...untilDecision, 'withdrawWhileDeciding'],
    // A temporary indication: KOT ends with it, unless CIZ extends it.
    [...temporary, 'grant'],
    [...temporary, 'grant', 'reassessExtended'],
  ];
  for (const steps of stories) {
    const events: CaseEvent[] = [];
    for (const name of steps) {
      const [command, ctx] = referralStep(caseId, name);
      for (const event of handleCommand(command, foldCase(events), ctx)) {
        const before = foldCase(events);
        events.push(event);
        intents.push(
          ...notificationsForEvent(event, `evt-${events.length}`, before, foldCase(events)),
        );
      }
      for (const day of ['2024-03-20', '2024-05-12', '2024-06-05', '2024-07-20']) {
        intents.push(...notificationsForDeadlines(foldCase(events), `${day}T10:00:00Z`));
      }
    }
  }
  // The municipality taking a claim back: an event the decider may not allow everywhere yet.
  const claimed = foldCase(eventsOf(['open', 'offer', 'claim']));
  const revoked: CaseEvent = {
    type: 'ClaimReleased',
    schemaVersion: 1,
    data: { by: actors.officer, releasedOn: '2024-03-08', reason: 'Onbereikbaar' },
  };
  intents.push(...notificationsForEvent(revoked, 'evt-revoked', claimed, evolve(claimed, revoked)));
  return intents;
}

describe('notification templates', () => {
  it('compile for every rule in Dutch and English', () => {
    expect(problemsOf(notificationTemplates)).toEqual([]);
  });

  it('refuse at start-up a template that asks for a field its rule does not give', () => {
    const broken = withTemplate('kot-decided', 'en', {
      subject: 'Decision on {{caseId}}',
      body: 'Dear {{childName}}, the decision is {{outcome}}.',
    });
    expect(() => compileTemplates(broken, ruleParameters)).toThrow(
      /kot-decided \(en\) body: \{\{childName\}\} is not a param of this rule/,
    );
  });

  it('refuse a field that is only sometimes given unless it sits in its own section', () => {
    const broken = withTemplate('kot-decided', 'nl', {
      subject: 'Besluit',
      body: 'Toeslag vanaf {{grantedFrom}}.',
    });
    expect(problemsOf(broken)).toEqual([
      'kot-decided (nl) body: {{grantedFrom}} is not always given; put it inside {{#grantedFrom}}…{{/grantedFrom}}',
    ]);
  });

  it('refuse a missing template and an unclosed section, naming each problem', () => {
    const broken = withTemplate('forms-sent', 'en', undefined);
    const alsoBroken = withTemplate('case-offered', 'nl', { subject: 'x', body: '{{#due}}open' });
    expect(problemsOf(broken)).toEqual(['forms-sent (en): no template']);
    expect(problemsOf(alsoBroken)).toContain('case-offered (nl) body: {{#due}} is never closed');
  });

  it('render plain text and HTML from params, with words for coded values and escaped HTML', () => {
    const templates = compileTemplates(notificationTemplates, ruleParameters);
    const params = {
      caseId: '0193c0de-0001-7000-8000-00000000abcd',
      municipality: 'GM0344',
      status: 'rejected',
      outcome: 'rejected',
      decidedOn: '2024-04-30',
      reason: 'partner-not-working',
    };
    const nl = templates.render('kot-decided', 'nl', params);
    // The short case number, as in every list of the portal, not the case id.
    expect(nl.subject).toBe('Besluit kinderopvangtoeslag: zaak 0000ABCD');
    expect(nl.text).toContain('Zaak 0000ABCD · GM0344');
    expect(nl.text).toContain('besloten: afgewezen. Reden: partner werkt niet.');
    expect(nl.text).not.toContain('Toeslag vanaf');
    expect(nl.html).toContain('<html lang="nl">');
    const en = templates.render('kot-decided', 'en', { ...params, municipality: '<GM0344>' });
    expect(en.text).toContain('Reason: partner does not work.');
    expect(en.html).toContain('&#60;GM0344&#62;');
    expect(en.html).not.toContain('<GM0344>');
  });

  it('ask only for params the domain rules really give (checked against the rules along real stories)', () => {
    const intents = intentsAlongStories();
    const covered = new Set(intents.map((intent) => intent.rule));
    expect(notificationRules.filter((rule) => !covered.has(rule))).toEqual([]);
    for (const intent of intents) {
      const declared = ruleParameters[intent.rule];
      const keys = Object.keys(intent.params);
      for (const required of [...baseParameters, ...declared.required]) {
        expect({ rule: intent.rule, has: keys.includes(required), param: required }).toEqual({
          rule: intent.rule,
          has: true,
          param: required,
        });
      }
      const known = new Set<string>([
        ...baseParameters,
        ...declared.required,
        ...declared.optional,
      ]);
      expect({ rule: intent.rule, undeclared: keys.filter((key) => !known.has(key)) }).toEqual({
        rule: intent.rule,
        undeclared: [],
      });
    }
  });
});
