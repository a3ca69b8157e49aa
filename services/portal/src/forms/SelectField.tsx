import type { ReactNode } from 'react';
import { Select, SelectOption } from '@utrecht/component-library-react';
import { FormRow } from './FormRow';

export interface Choice {
  value: string;
  label: string;
}

interface SelectFieldProps {
  id?: string;
  label: ReactNode;
  value: string;
  choices: Choice[];
  onChange(value: string): void;
  description?: ReactNode;
  error?: ReactNode;
  required?: boolean;
  /** Shown first with an empty value, so nothing is chosen by accident. */
  placeholder?: string;
  name?: string;
}

export function SelectField({
  id: fieldId,
  label,
  value,
  choices,
  onChange,
  description,
  error,
  required,
  placeholder,
  name,
}: SelectFieldProps) {
  return (
    <FormRow id={fieldId} label={label} description={description} error={error}>
      {({ id, describedBy, invalid }) => (
        <Select
          id={id}
          name={name}
          value={value}
          required={required}
          invalid={invalid}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        >
          {placeholder !== undefined ? <SelectOption value="">{placeholder}</SelectOption> : null}
          {choices.map((choice) => (
            <SelectOption key={choice.value} value={choice.value}>
              {choice.label}
            </SelectOption>
          ))}
        </Select>
      )}
    </FormRow>
  );
}
