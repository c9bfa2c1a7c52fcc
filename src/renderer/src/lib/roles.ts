import { mayRun } from '@shared/access';
import type { CommandName } from '@shared/command-registry';
import { useStudio } from '../store/studio-store';

/**
 * Whether this screen offers a command (the roles come from the command registry, as the studio's own check does). The studio refuses what a role may not do anyway; hiding it
 * only spares the operator a refusal. Until `me` is known nothing is offered.
 */
export function useMay(command: CommandName): boolean {
  const role = useStudio((s) => s.me?.role ?? null);
  return role !== null && mayRun(role, command);
}

/** Settings, secrets, devices and overlay URLs: the producer's alone. */
export function useIsProducer(): boolean {
  return useStudio((s) => s.me?.role === 'producer');
}

export function mayNow(command: CommandName): boolean {
  const role = useStudio.getState().me?.role;
  return role !== undefined && mayRun(role, command);
}
