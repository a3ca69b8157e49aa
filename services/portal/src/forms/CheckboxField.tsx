import type { ReactNode } from 'react';
import { Checkbox } from '@utrecht/component-library-react';
import { FormRow } from './FormRow';

interface CheckboxFieldProps {
  id?: string;
  label: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
  description?: ReactNode;
  error?: ReactNode;
  name?: string;
}

export function CheckboxField({
  id: fieldId,
  label,
  checked,
  onChange,
  description,
  error,
  name,
}: CheckboxFieldProps) {
  return (
    <FormRow id={fieldId} label={label} description={description} error={error} type="checkbox">
      {({ id, describedBy, invalid }) => (
        <Checkbox
          id={id}
          name={name}
          checked={checked}
          invalid={invalid}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.checked)}
        />
      )}
    </FormRow>
  );
}
