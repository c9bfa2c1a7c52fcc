import { useEffect, useState } from 'react';
import type { OperatorView } from '../../../shared/access';
import { useStudio } from '../store/studio-store';

/** Someone who changed the show this recently is "working it" too. */
const ACTIVE_MS = 60_000;
const NO_OPERATORS: OperatorView[] = [];

export const operatorLabel = (o: { name: string; role: string }) => `${o.name} (${o.role})`;

/** "Ana (moderator) is also working the show": two hands on one rundown should know of each other. */
export function OperatorsNotice() {
  const operators = useStudio((s) => s.show?.operators ?? NO_OPERATORS);
  const myId = useStudio((s) => s.me?.id);
  const offset = useStudio((s) => s.clockOffset);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 5000);
    return () => window.clearInterval(timer);
  }, []);
  const studioNow = now + offset;
  const others = operators.filter((o) => o.id !== myId && o.lastActionAt !== null && studioNow - o.lastActionAt < ACTIVE_MS);
  if (others.length === 0) return null;
  const names = others.map(operatorLabel);
  const who = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return (
    <div className="operators-notice" role="status" data-testid="operators-notice">
      <span className="dot" aria-hidden /> {who} {others.length === 1 ? 'is' : 'are'} also working the show
    </div>
  );
}
