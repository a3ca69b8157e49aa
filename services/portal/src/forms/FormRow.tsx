// A labelled form control with its description and error message wired to it for screen readers:
// the NL Design System parts (FormField, FormLabel, …) put together once.
import { useId, type ReactElement, type ReactNode } from 'react';
import {
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
} from '@utrecht/component-library-react';

export interface ControlIds {
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
}

interface FormRowProps {
  /** The control's id, when something else links to it (an error summary); generated otherwise. */
  id?: string;
  label: ReactNode;
  description?: ReactNode;
  error?: ReactNode;
  /** Checkboxes put the label after the control. */
  type?: 'text' | 'checkbox';
  children(ids: ControlIds): ReactElement;
}

export function FormRow({
  id: givenId,
  label,
  description,
  error,
  type = 'text',
  children,
}: FormRowProps) {
  const generatedId = useId();
  const id = givenId ?? generatedId;
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(' ') || undefined;
  const control = children({ id, describedBy, invalid: Boolean(error) });
  const labelElement = (
    <FormLabel htmlFor={id} type={type === 'checkbox' ? 'checkbox' : undefined}>
      {label}
    </FormLabel>
  );
  return (
    <FormField type={type} invalid={Boolean(error)}>
      {type === 'checkbox' ? (
        <div className="portal-checkbox-row">
          {control}
          {labelElement}
        </div>
      ) : (
        <div className="utrecht-form-field__label">{labelElement}</div>
      )}
      {description ? (
        <FormFieldDescription id={descriptionId}>{description}</FormFieldDescription>
      ) : null}
      {error ? <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage> : null}
      {type === 'checkbox' ? null : <div className="utrecht-form-field__input">{control}</div>}
    </FormField>
  );
}
