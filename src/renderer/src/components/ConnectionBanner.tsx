import { useStudio } from '../store/studio-store';

/** Only once the link has been down for a moment: a blip during a studio restart is not an alarm. */
export function ConnectionBanner() {
  const link = useStudio((s) => s.link);
  if (link !== 'offline') return null;
  return (
    <div className="banner" role="alert">
      The studio is not reachable. Reconnecting by itself; what you see may be out of date.
    </div>
  );
}
