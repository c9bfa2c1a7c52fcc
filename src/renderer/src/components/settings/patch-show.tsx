import { useState } from 'react';
import { useStudio } from '../../store/studio-store';
import type { CommandInput } from '@shared/command-registry';

/**
 * `PATCH /api/v1/show` from a settings section, with the studio's answer kept beside the section
 * (a refused locale says why, where the producer typed it) instead of a passing notice.
 */
export function useShowPatch(): { answer: string | null; busy: boolean; patch: (body: CommandInput<'show.update'>) => Promise<boolean> } {
  const client = useStudio((s) => s.client);
  const [answer, setAnswer] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const patch = async (body: CommandInput<'show.update'>) => {
    if (!client) return false;
    setBusy(true);
    try {
      await client.run('show.update', body);
      setAnswer(null);
      return true;
    } catch (err) {
      setAnswer((err as Error).message);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { answer, busy, patch };
}

/** The studio's refusal, in its own words, under the section that caused it. */
export function Answer({ text, testId }: { text: string | null; testId: string }) {
  if (!text) return null;
  return (
    <p className="warn settings-answer" role="alert" data-testid={testId}>
      {text}
    </p>
  );
}
