// Who is involved and on what authority: the referring officer, the offer, the claimant with the
// mandate (and whether it lets them apply today), and the family when the user may see it.
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { PersonalDataGate } from '../audit/PersonalDataGate';
import { mandateAllowsApplying } from '@kot/domain';
import type { CaseView } from '../api/caseView';
import { useLanguage } from '../i18n/language';
import { formatDate, formatEuro } from '../i18n/formats';
import {
  careTypeNames,
  indicationKindNames,
  mandateTypeNames,
  nameOf,
  workStatusNames,
} from '../i18n/vocabulary';
import { PartyName } from '../layout/PartyName';

interface PartiesSectionProps {
  view: CaseView;
  today: string;
  /** Whether the personal fields were asked for (an auditor asks explicitly; the read is recorded). */
  personalShown: boolean;
  onShowPersonal(): void;
}

export function PartiesSection({
  view,
  today,
  personalShown,
  onShowPersonal,
}: PartiesSectionProps) {
  const { t, tr, language } = useLanguage();
  const partners = view.household?.partners ?? [];
  const mandate = view.claim?.mandate;
  const mayApply = mandate
    ? mandateAllowsApplying(
        {
          type: mandate.type as never,
          validFrom: mandate.validFrom,
          ...(mandate.validUntil ? { validUntil: mandate.validUntil } : {}),
          ...(mandate.partnerIds ? { partnerIds: mandate.partnerIds } : {}),
        },
        today,
        partners.map((p) => p.partnerId),
      )
    : false;
  return (
    <section aria-labelledby="parties" className="portal-section">
      <Heading2 id="parties">{tr('Betrokkenen en machtigingen', 'Parties and mandates')}</Heading2>
      <dl className="portal-facts portal-facts--wide">
        <div>
          <dt>{tr('Doorverwezen door', 'Referred by')}</dt>
          <dd>
            {view.referringOfficer ? <PartyName party={view.referringOfficer} /> : '—'}
            {view.referredOn ? `, ${formatDate(view.referredOn, language)}` : ''}
          </dd>
        </div>
        {view.signalledBy ? (
          <div>
            <dt>{tr('Gesignaleerd door', 'Signalled by')}</dt>
            <dd>
              <PartyName party={view.signalledBy} />
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{tr('Aangeboden aan', 'Offered to')}</dt>
          <dd>
            {view.offer ? (
              <>
                <PartyName party={view.offer.to} />, {formatDate(view.offer.offeredOn, language)}
              </>
            ) : (
              tr('Nog niet aangeboden', 'Not offered yet')
            )}
          </dd>
        </div>
        <div>
          <dt>{tr('Opgepakt door', 'Taken on by')}</dt>
          <dd>
            {view.claim ? (
              <>
                <PartyName party={view.claim.by} />, {formatDate(view.claim.claimedOn, language)}
              </>
            ) : (
              tr('Nog niemand', 'Nobody yet')
            )}
          </dd>
        </div>
        {mandate ? (
          <div>
            <dt>{tr('Machtiging', 'Mandate')}</dt>
            <dd>
              {t(nameOf(mandateTypeNames, mandate.type))}, {tr('geldig vanaf', 'valid from')}{' '}
              {formatDate(mandate.validFrom, language)}
              {mandate.validUntil
                ? ` ${tr('tot en met', 'until')} ${formatDate(mandate.validUntil, language)}`
                : ''}
              {mandate.reference ? ` (${tr('kenmerk', 'reference')} ${mandate.reference})` : ''}.{' '}
              <strong>
                {mayApply
                  ? tr('Mag namens het gezin aanvragen.', 'May apply on behalf of the family.')
                  : tr(
                      'Mag niet namens het gezin aanvragen (alleen signaleren).',
                      'May not apply on behalf of the family (signal only).',
                    )}
              </strong>
            </dd>
          </div>
        ) : null}
        {view.indication ? (
          <div>
            <dt>{tr('Wlz-indicatie', 'Wlz-indication')}</dt>
            <dd>
              {t(nameOf(indicationKindNames, view.indication.kind))},{' '}
              {tr('geldig vanaf', 'valid from')} {formatDate(view.indication.validFrom, language)}
              {view.indication.validTo
                ? ` ${tr('tot en met', 'until')} ${formatDate(view.indication.validTo, language)}`
                : ''}{' '}
              (
              {view.indication.source === 'ciz'
                ? tr('bevestigd door CIZ', 'confirmed by CIZ')
                : tr('volgens kopie CIZ-besluit', "per copy of CIZ's decision")}
              )
            </dd>
          </div>
        ) : null}
      </dl>
      {view.viewLevel !== 'PERSONAL' ? (
        <Paragraph className="portal-muted">
          {tr(
            'Wie het gezin is, ziet u zodra u de zaak heeft opgepakt.',
            'You see who the family is once you have taken on the case.',
          )}
        </Paragraph>
      ) : personalShown ? (
        <FamilyList view={view} />
      ) : (
        <PersonalDataGate onShow={onShowPersonal} />
      )}
    </section>
  );
}

/** The family: names, BSNs and birth dates, the Wlz-indication or work, each child's childcare. */
export function FamilyList({ view }: { view: CaseView }) {
  const { t, tr, language } = useLanguage();
  const partners = view.household?.partners ?? [];
  return (
    <>
      <Paragraph>
        <strong>{tr('Het gezin', 'The family')}</strong> (
        {view.household?.composition === 'single-parent'
          ? tr('alleenstaande ouder', 'single parent')
          : tr('twee partners', 'two partners')}
        )
      </Paragraph>
      <ul className="portal-people">
        {partners.map((p) => (
          <li key={p.partnerId}>
            {p.name ?? p.partnerId} — BSN {p.bsn ?? '—'}, {tr('geboren', 'born')}{' '}
            {formatDate(p.birthDate, language)};{' '}
            {p.wlzIndication
              ? `${tr('Wlz-indicatie', 'Wlz-indication')} (${t(nameOf(indicationKindNames, p.wlzIndication.kind)).toLowerCase()})`
              : t(nameOf(workStatusNames, p.workStatus))}
          </li>
        ))}
        {view.children.map((c) => (
          <li key={c.childId}>
            {tr('Kind', 'Child')}: {c.name ?? c.childId} — BSN {c.bsn ?? '—'},{' '}
            {tr('geboren', 'born')} {formatDate(c.birthDate, language)};{' '}
            {c.childcare
              ? `${t(nameOf(careTypeNames, c.childcare.careType))}, LRK ${c.childcare.lrkNumber}, ${c.childcare.hoursPerMonth} ${tr('uur per maand', 'hours a month')} × ${formatEuro(c.childcare.hourlyRateCents, language)}`
              : tr('nog geen geregistreerde opvang', 'no registered childcare yet')}
          </li>
        ))}
      </ul>
    </>
  );
}
