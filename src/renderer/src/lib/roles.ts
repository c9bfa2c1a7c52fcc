import { mayRun } from '../../../shared/access';
import type { CommandType } from '../../../shared/commands';
import { useStudio } from '../store/studio-store';

/**
 * Whether this screen offers a command. The studio refuses what a role may not do anyway; hiding it
 * only spares the operator a refusal. Until `me` is known nothing is offered.
 */
export function useMay(command: CommandType): boolean {
  const role = useStudio((s) => s.me?.role ?? null);
  return role !== null && mayRun(role, command);
}

/** Settings, secrets, devices and overlay URLs: the producer's alone. */
export function useIsProducer(): boolean {
  return useStudio((s) => s.me?.role === 'producer');
}

export function mayNow(command: CommandType): boolean {
  const role = useStudio.getState().me?.role;
  return role !== undefined && mayRun(role, command);
}
