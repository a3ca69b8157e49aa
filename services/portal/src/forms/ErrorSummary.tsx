// Why a form was not sent, as one block at its top: the refusal in the domain's words and a list
// naming each field with a link to it. It takes the focus after every attempt that fails, so a
// screen reader reads it at once and a keyboard user is one Tab away from the first field to fix.
import { useEffect, useRef, type MouseEvent } from 'react';
import { Alert, Link, Paragraph } from '@utrecht/component-library-react';
import { useSession } from '../session/session';

export interface SummaryItem {
  /** The id of the control to go to; without it the item is plain text. */
  fieldId?: string;
  /** The field's label as the form shows it; left out when the field is not on the form. */
  label?: string;
  message: string;
}

interface ErrorSummaryProps {
  heading: string;
  /** A reason that concerns no single field. */
  general?: string;
  items: SummaryItem[];
  /** Goes up with every failed attempt to send; each one moves the focus here again. */
  attempt: number;
}

export function ErrorSummary({ heading, general, items, attempt }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const { expired } = useSession();
  const shown = items.length > 0 || Boolean(general);
  useEffect(() => {
    // Only a new attempt moves the focus; typing in a field that changes the list must not. When
    // the attempt failed because the sign-in expired, signing in again comes first: leave the
    // focus with that panel.
    if (attempt > 0 && !expired) ref.current?.focus();
  }, [attempt]);
  if (!shown) return null;
  const goTo = (event: MouseEvent<HTMLAnchorElement>, fieldId: string) => {
    const field = document.getElementById(fieldId);
    if (!field) return;
    // A hash in the address would mean nothing to the page's router: move there directly.
    event.preventDefault();
    field.focus();
    field.scrollIntoView({ block: 'center' });
  };
  const words = (item: SummaryItem) =>
    item.label ? `${item.label}: ${item.message}` : item.message;
  return (
    <div ref={ref} tabIndex={-1} className="portal-error-summary">
      <Alert type="error" role="alert">
        <Paragraph>
          <strong>{heading}</strong>
        </Paragraph>
        {general ? <Paragraph>{general}</Paragraph> : null}
        {items.length > 0 ? (
          <ul className="portal-error-summary__list">
            {items.map((item) => (
              <li key={`${item.fieldId ?? ''}|${words(item)}`}>
                {item.fieldId ? (
                  <Link
                    href={`#${item.fieldId}`}
                    onClick={(event) => goTo(event, item.fieldId as string)}
                  >
                    {words(item)}
                  </Link>
                ) : (
                  words(item)
                )}
              </li>
            ))}
          </ul>
        ) : null}
      </Alert>
    </div>
  );
}
