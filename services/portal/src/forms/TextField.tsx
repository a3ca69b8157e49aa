import type { ReactNode } from 'react';
import { Textarea, Textbox } from '@utrecht/component-library-react';
import { FormRow } from './FormRow';

interface TextFieldProps {
  id?: string;
  label: ReactNode;
  value: string;
  onChange(value: string): void;
  description?: ReactNode;
  error?: ReactNode;
  type?: 'text' | 'date' | 'number';
  required?: boolean;
  multiline?: boolean;
  inputMode?: 'numeric' | 'decimal' | 'text';
  autoComplete?: string;
  min?: string;
  max?: string;
  step?: string;
  name?: string;
  size?: number;
}

export function TextField({
  id: fieldId,
  label,
  value,
  onChange,
  description,
  error,
  type = 'text',
  required,
  multiline,
  inputMode,
  autoComplete = 'off',
  min,
  max,
  step,
  name,
  size,
}: TextFieldProps) {
  return (
    <FormRow id={fieldId} label={label} description={description} error={error}>
      {({ id, describedBy, invalid }) =>
        multiline ? (
          <Textarea
            id={id}
            name={name}
            value={value}
            required={required}
            invalid={invalid}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(event) => onChange(event.target.value)}
            rows={3}
          />
        ) : (
          <Textbox
            id={id}
            name={name}
            type={type}
            value={value}
            required={required}
            invalid={invalid}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            inputMode={inputMode}
            autoComplete={autoComplete}
            min={min}
            max={max}
            step={step}
            size={size}
            onChange={(event) => onChange(event.target.value)}
          />
        )
      }
    </FormRow>
  );
}
