// A refusal from the API, laid over the form's own fields: each field problem named by the label
// the user sees and linked to its control; a problem with no field as one sentence.
import type { Text } from '@kot/domain';
import type { ApiProblem } from '../api/apiError';
import type { SummaryItem } from './ErrorSummary';

export interface FormFieldRef {
  /** The field's name in the command's input (`reason`, `mandate.validFrom`). */
  name: string;
  /** The id of its control. */
  id: string;
  label: string;
}

/** Whether a field path from the API (`mandate.validFrom`) is about this form field. */
export const concerns = (path: string, name: string): boolean =>
  path === name || path.endsWith(`.${name}`);

export function problemSummary(
  problem: ApiProblem | null,
  fields: FormFieldRef[],
  t: (text: Text) => string,
): { general?: string; items: SummaryItem[] } {
  if (!problem) return { items: [] };
  if (problem.fields.length === 0) return { general: t(problem.reason), items: [] };
  return {
    items: problem.fields.map((problemField) => {
      const field = fields.find((f) => concerns(problemField.field, f.name));
      return field
        ? { fieldId: field.id, label: field.label, message: t(problemField.reason) }
        : { message: t(problemField.reason) };
    }),
  };
}
