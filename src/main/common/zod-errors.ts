import type { z } from 'zod';

/** A refused input's first few problems, in one line an operator can act on (`price.PLN: …`). */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
