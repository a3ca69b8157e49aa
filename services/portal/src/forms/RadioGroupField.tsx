import { useId, type ReactNode } from 'react';
import {
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormLabel,
  RadioButton,
} from '@utrecht/component-library-react';
import type { Choice } from './SelectField';

interface RadioGroupFieldProps {
  legend: ReactNode;
  value: string;
  choices: Choice[];
  onChange(value: string): void;
  description?: ReactNode;
  name: string;
}

export function RadioGroupField({
  legend,
  value,
  choices,
  onChange,
  description,
  name,
}: RadioGroupFieldProps) {
  const id = useId();
  const descriptionId = description ? `${id}-description` : undefined;
  return (
    <Fieldset aria-describedby={descriptionId}>
      <FieldsetLegend>{legend}</FieldsetLegend>
      {description ? (
        <FormFieldDescription id={descriptionId}>{description}</FormFieldDescription>
      ) : null}
      {choices.map((choice) => (
        <FormField key={choice.value} type="radio">
          <div className="portal-checkbox-row">
            <RadioButton
              id={`${id}-${choice.value}`}
              name={`${name}-${id}`}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
            />
            <FormLabel htmlFor={`${id}-${choice.value}`} type="radio">
              {choice.label}
            </FormLabel>
          </div>
        </FormField>
      ))}
    </Fieldset>
  );
}
