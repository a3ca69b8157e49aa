// The actions the signed-in user may take on this case now, and nothing else. Each opens its form
// in place; after recording, the page shows what was recorded and the case as it now stands.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import {
  availableCommands,
  text,
  type CaseCommandType,
  type CaseState,
  type StepAction,
  type Text,
} from '@kot/domain';
import { useLanguage } from '../i18n/language';
import { eventNames, nameOf } from '../i18n/vocabulary';
import { useSignedIn } from '../session/session';
import { commandForms } from './commandForms';
import { CommandForm } from './CommandForm';
import { EndSmiForm } from './EndSmiForm';
import { MandateForm } from './MandateForm';
import { groupActions } from './nextActions';
import { OfferCaseForm } from './OfferCaseForm';
import { HouseholdChangeForm } from './HouseholdChangeForm';
import { SettleKotForm } from './SettleKotForm';
import type { CommandOutcome } from './useRunCommand';

/** The order in which actions are listed: the process steps first, the exceptional ones last. */
const listed: readonly CaseCommandType[] = [
  'ClaimCase',
  'DeclineOffer',
  'OfferCase',
  'RequestKot',
  'RegisterWlzRequest',
  'ConfirmWlzIndication',
  'ReportWlzIndicationNotFound',
  'SubmitCizDecisionCopy',
  'ReassessWlzIndication',
  'SendApplicationForms',
  'SubmitApplication',
  'RecordApplicationReceived',
  'GrantKot',
  'RejectKot',
  'FileObjection',
  'DecideObjection',
  'ChangeKot',
  'StopKot',
  'SettleKot',
  'ExtendSmi',
  'EndSmi',
  'ReinstateSmi',
  'AcceptFundingGap',
  'RecordHouseholdChange',
  'RecordMandate',
  'CheckEligibility',
  'ReleaseClaim',
  'CloseCase',
  'WithdrawCase',
  'ErasePersonalData',
];

const specialLabels: Partial<Record<CaseCommandType, Text>> = {
  ClaimCase: text('Zaak oppakken', 'Take on the case'),
  RecordMandate: text('Machtiging vastleggen', 'Record a mandate'),
  OfferCase: text('Aanbieden aan ondersteuner', 'Offer to a supporter'),
  EndSmi: text('SMI beëindigen', 'End SMI'),
  SettleKot: text('Toeslag over een jaar vaststellen', "Settle a year's allowance"),
};

interface ActionsSectionProps {
  state: CaseState;
  /** The actions of the user's own steps at turn (the case's `atTurn`): their commands come first. */
  atTurn: readonly StepAction[];
  today: string;
  partnerLabel(partnerId: string): string;
  /** The step took the case out of the user's sight (an offer declined, a case given back). */
  onAccessEnded(outcome: CommandOutcome): void;
}

export function ActionsSection({
  state,
  atTurn,
  today,
  partnerLabel,
  onAccessEnded,
}: ActionsSectionProps) {
  const { t, tr } = useLanguage();
  const { actor } = useSignedIn();
  const [open, setOpen] = useState<CaseCommandType | null>(null);
  // The action whose button gets the focus back when its form is cancelled.
  const [returnTo, setReturnTo] = useState<CaseCommandType | null>(null);
  const [recorded, setRecorded] = useState<CommandOutcome | null>(null);
  // "Andere acties" stays open when the user comes back from one of its forms.
  const [moreOpen, setMoreOpen] = useState(false);
  const recordedRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const commands = availableCommands(actor, state, new Date().toISOString(), listed);
  const groups = groupActions(commands, atTurn, state, today);

  useEffect(() => {
    if (recorded) recordedRef.current?.focus();
  }, [recorded]);
  // The button just pressed is gone: the form's heading takes the focus, so a keyboard or screen
  // reader user lands where the form starts instead of at the top of the page.
  useEffect(() => {
    if (open) formRef.current?.querySelector<HTMLElement>('h3')?.focus();
  }, [open]);
  useEffect(() => {
    if (open || !returnTo) return;
    listRef.current?.querySelector<HTMLElement>(`[data-command="${returnTo}"]`)?.focus();
    setReturnTo(null);
  }, [open, returnTo]);

  const done = (outcome: CommandOutcome) => {
    setOpen(null);
    setReturnTo(null);
    if (outcome.accessEnded) onAccessEnded(outcome);
    else setRecorded(outcome);
  };
  const cancel = () => {
    setReturnTo(open);
    setOpen(null);
  };
  const labelOf = (type: CaseCommandType) =>
    t(specialLabels[type] ?? commandForms[type]?.label ?? text(type, type));

  const form = (type: CaseCommandType) => {
    switch (type) {
      case 'OfferCase':
        return <OfferCaseForm state={state} onDone={done} onCancel={cancel} />;
      case 'ClaimCase':
      case 'RecordMandate':
        return (
          <MandateForm
            command={type}
            state={state}
            today={today}
            partnerLabel={partnerLabel}
            onDone={done}
            onCancel={cancel}
          />
        );
      case 'RecordHouseholdChange':
        return (
          <HouseholdChangeForm
            state={state}
            partnerLabel={partnerLabel}
            onDone={done}
            onCancel={cancel}
          />
        );
      case 'SettleKot':
        return <SettleKotForm state={state} today={today} onDone={done} onCancel={cancel} />;
      case 'EndSmi':
        return (
          <EndSmiForm
            state={state}
            onDone={done}
            onCancel={cancel}
            onExtendInstead={
              commands.includes('ExtendSmi') ? () => setOpen('ExtendSmi') : undefined
            }
          />
        );
      default: {
        const spec = commandForms[type];
        return spec ? (
          <CommandForm
            type={type}
            spec={spec}
            state={state}
            today={today}
            partnerLabel={partnerLabel}
            onDone={done}
            onCancel={cancel}
          />
        ) : null;
      }
    }
  };

  const actionButtons = (types: CaseCommandType[], withPrimary: boolean) => (
    <ButtonGroup className="portal-action-list">
      {types.map((type, index) => (
        <Button
          key={type}
          appearance={
            withPrimary && index === 0 ? 'primary-action-button' : 'secondary-action-button'
          }
          onClick={() => {
            setRecorded(null);
            setMoreOpen(groups.other.includes(type));
            setOpen(type);
          }}
          data-command={type}
        >
          {labelOf(type)}
        </Button>
      ))}
    </ButtonGroup>
  );

  return (
    <section aria-labelledby="actions" className="portal-section portal-actions">
      <Heading2 id="actions">{tr('Wat u nu kunt doen', 'What you can do now')}</Heading2>
      {recorded ? (
        <div ref={recordedRef} tabIndex={-1}>
          <Alert type="ok" role="status">
            <Paragraph>
              {tr('Vastgelegd: ', 'Recorded: ')}
              {recorded.events.map((event) => t(nameOf(eventNames, event.type))).join(', ')}.
            </Paragraph>
          </Alert>
        </div>
      ) : null}
      {commands.length === 0 ? (
        <Paragraph>
          {tr(
            'Er is op deze zaak nu niets voor u te doen.',
            'There is nothing for you to do on this case right now.',
          )}
        </Paragraph>
      ) : open ? (
        <div ref={formRef}>{form(open)}</div>
      ) : (
        <div ref={listRef} className="portal-action-groups">
          {groups.step.length > 0 ? (
            actionButtons(groups.step, true)
          ) : (
            <Paragraph>
              {tr(
                'U bent nu niet aan zet. Wat u verder kunt doen, staat hieronder.',
                'It is not your turn now. What else you can do is below.',
              )}
            </Paragraph>
          )}
          {groups.other.length > 0 ? (
            <details
              className="portal-more-actions"
              open={moreOpen}
              onToggle={(event) => setMoreOpen(event.currentTarget.open)}
            >
              <summary>{tr('Andere acties', 'Other actions')}</summary>
              {actionButtons(groups.other, false)}
            </details>
          ) : null}
          {groups.apart.length > 0 ? (
            <div className="portal-ending-actions">
              <Paragraph className="portal-muted">
                {tr(
                  'De zaak beëindigen (u krijgt eerst te zien wat er dan gebeurt):',
                  'End the case (you first see what will happen):',
                )}
              </Paragraph>
              {actionButtons(groups.apart, false)}
            </div>
          ) : null}
        </div>
      )}
    </section>
  );
}
