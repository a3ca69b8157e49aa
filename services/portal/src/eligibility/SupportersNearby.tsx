// Signposting: whatever the check says, the family can get help. The supporter organisations the
// platform's directory lists for the family's municipality, by name.
import { Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useLanguage } from '../i18n/language';
import { nameOf, roleNames } from '../i18n/vocabulary';
import { useDirectory } from '../session/organisationDirectory';

interface SupportersNearbyProps {
  municipality: string;
  headingLevel?: 2 | 3;
  headingId: string;
}

export function SupportersNearby({
  municipality,
  headingLevel = 2,
  headingId,
}: SupportersNearbyProps) {
  const { t, tr } = useLanguage();
  const { supportersIn, organisationName } = useDirectory();
  const Heading = headingLevel === 2 ? Heading2 : Heading3;
  const supporters = supportersIn(municipality);
  const place = organisationName(municipality);
  return (
    <section aria-labelledby={headingId} className="portal-section portal-supporters">
      <Heading id={headingId}>{tr('Wie kan het gezin helpen', 'Who can help the family')}</Heading>
      {supporters.length > 0 ? (
        <>
          <Paragraph>
            {tr(
              `Deze organisaties helpen gezinnen in ${place}:`,
              `These organisations help families in ${place}:`,
            )}
          </Paragraph>
          <ul className="portal-supporters__list">
            {supporters.map((office) => (
              <li key={`${office.organisation}/${office.role}`}>
                {office.name} ({t(nameOf(roleNames, office.role))})
              </li>
            ))}
          </ul>
        </>
      ) : (
        <Paragraph>
          {tr(
            `Het platform kent nog geen ondersteuners voor ${place}. Vraag de gemeente wie kan helpen.`,
            `The platform knows no supporters for ${place} yet. Ask the municipality who can help.`,
          )}
        </Paragraph>
      )}
    </section>
  );
}
