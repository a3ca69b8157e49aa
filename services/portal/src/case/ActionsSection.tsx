// The actions the signed-in user may take on this case now, and nothing else. Each opens its form
// in place; after recording, the page shows what was recorded and the case as it now stands.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import {
  availableCommands,
  text,
  type CaseCommandType,
  type CaseState,
  type Text,
} from '@kot/domain';
import { useLanguage } from '../i18n/language';
import { eventNames, nameOf } from '../i18n/vocabulary';
import { useSignedIn } from '../session/session';
import { commandForms } from './commandForms';
import { CommandForm } from './CommandForm';
import { EndSmiForm } from './EndSmiForm';
import { MandateForm } from './MandateForm';
import { OfferCaseForm } from './OfferCaseForm';
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
  'SendApplicationForms',
  'SubmitApplication',
  'RecordApplicationReceived',
  'GrantKot',
  'RejectKot',
  'FileObjection',
  'DecideObjection',
  'ChangeKot',
  'StopKot',
  'ExtendSmi',
  'EndSmi',
  'ReinstateSmi',
  'AcceptFundingGap',
  'RecordMandate',
  'CheckEligibility',
  'ReleaseClaim',
  'CloseCase',
  'WithdrawCase',
];

const specialLabels: Partial<Record<CaseCommandType, Text>> = {
  ClaimCase: text('Zaak oppakken', 'Take on the case'),
  RecordMandate: text('Machtiging vastleggen', 'Record a mandate'),
  OfferCase: text('Aanbieden aan ondersteuner', 'Offer to a supporter'),
  EndSmi: text('SMI beëindigen', 'End SMI'),
};

interface ActionsSectionProps {
  state: CaseState;
  today: string;
  partnerLabel(partnerId: string): string;
}

export function ActionsSection({ state, today, partnerLabel }: ActionsSectionProps) {
  const { t, tr } = useLanguage();
  const { actor } = useSignedIn();
  const [open, setOpen] = useState<CaseCommandType | null>(null);
  const [recorded, setRecorded] = useState<CommandOutcome | null>(null);
  const recordedRef = useRef<HTMLDivElement>(null);
  const commands = availableCommands(actor, state, new Date().toISOString(), listed);

  useEffect(() => {
    if (recorded) recordedRef.current?.focus();
  }, [recorded]);

  const done = (outcome: CommandOutcome) => {
    setOpen(null);
    setRecorded(outcome);
  };
  const cancel = () => setOpen(null);
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
      case 'EndSmi':
        return <EndSmiForm state={state} today={today} onDone={done} onCancel={cancel} />;
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
        form(open)
      ) : (
        <ButtonGroup className="portal-action-list">
          {commands.map((type) => (
            <Button
              key={type}
              appearance={
                type === commands[0] ? 'primary-action-button' : 'secondary-action-button'
              }
              onClick={() => {
                setRecorded(null);
                setOpen(type);
              }}
              data-command={type}
            >
              {labelOf(type)}
            </Button>
          ))}
        </ButtonGroup>
      )}
    </section>
  );
}
