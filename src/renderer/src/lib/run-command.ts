import type { CommandInput } from '@shared/command-registry';
import { act } from '../store/studio-store';
import { liveMirror } from '../store/live';

/** Commands made from what the operator saw: they carry the revision the screen showed. */
type SeenName = 'rundown.pin' | 'rundown.move';

/**
 * A pin or a move carries the revision the operator saw. The studio refuses it as stale only if
 * the rundown or the item on air changed since (sales in between do not count), and then the
 * operator is told to look again.
 */
export async function runOnWhatISaw<K extends SeenName>(name: K, input: Omit<CommandInput<K>, 'expectedRevision'>): Promise<void> {
  const revision = liveMirror.getState().show?.revision;
  if (revision !== undefined) await act((c) => c.run(name, { ...input, expectedRevision: revision } as CommandInput<K>));
}
