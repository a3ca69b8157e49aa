import {
  Alert,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import type { ApiProblem } from '../api/apiError';
import { useLanguage } from '../i18n/language';

/** A refusal or failure as the domain worded it, read out at once by screen readers. */
export function ProblemAlert({ problem, heading }: { problem: ApiProblem; heading?: string }) {
  const { tFromServer: t } = useLanguage();
  return (
    <Alert type="error" role="alert">
      {heading ? (
        <Paragraph>
          <strong>{heading}</strong>
        </Paragraph>
      ) : null}
      {problem.fields.length > 0 ? (
        <UnorderedList>
          {problem.fields.map((field) => (
            <UnorderedListItem key={field.field}>{t(field.reason)}</UnorderedListItem>
          ))}
        </UnorderedList>
      ) : (
        <Paragraph>{t(problem.reason)}</Paragraph>
      )}
    </Alert>
  );
}
