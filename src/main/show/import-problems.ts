import type { z } from 'zod';
import { reason, type Reason } from '../../shared/reason';

/**
 * A refused product's problems as codes for the desk (`import.field.tooLong`, `{ field: "title.pl",
 * maximum: 1000 }`): one per problem, every one of them, so one fix of the file is enough.
 */
export function importProblems(error: z.ZodError): Reason[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    const top = String(issue.path[0] ?? '');
    switch (issue.code) {
      case 'invalid_type':
        if (top === 'id' && issue.path.length === 1) return reason('import.idEmpty');
        if (issue.expected === 'string') return reason('import.field.notText', { field });
        if (issue.expected === 'number') return reason('import.field.notNumber', { field });
        return reason('import.field.wrongType', { field });
      case 'too_big':
        return issue.origin === 'string' ? reason('import.field.tooLong', { field, maximum: Number(issue.maximum) }) : reason('import.field.tooLarge', { field, maximum: Number(issue.maximum) });
      case 'too_small':
        if (issue.origin === 'string') return top === 'id' ? reason('import.idEmpty') : reason('import.field.empty', { field });
        return reason('import.field.negative', { field });
      case 'invalid_key':
        return reason('import.field.badKey', { field });
      case 'invalid_format':
        if (top === 'id') return reason('import.id.format');
        break;
      case 'custom':
        if (top === 'url') return reason('import.field.notWebAddress', { field });
        break;
    }
    // Anything else keeps zod's English words as a parameter, under a code of its own.
    return reason('import.field.invalid', { field, detail: issue.message });
  });
}
