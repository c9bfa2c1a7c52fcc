import { useEffect, useState } from 'react';
import type { OperatorView } from '@shared/access';
import { useStudio } from '../store/studio-store';
import { useLive } from '../store/live';
import { useDeskText } from '../i18n/desk-text';
import { formatList } from '../lib/format';

/** Someone who changed the show this recently is "working it" too. */
const ACTIVE_MS = 60_000;
const NO_OPERATORS: OperatorView[] = [];


/** "Ana (moderator) is also working the show": two hands on one rundown should know of each other. */
export function OperatorsNotice() {
  const { t, locale } = useDeskText();
  const operators = useLive((s) => s.show?.operators ?? NO_OPERATORS);
  const myId = useStudio((s) => s.me?.id);
  const offset = useLive((s) => s.clockOffset);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 5000);
    return () => window.clearInterval(timer);
  }, []);
  const studioNow = now + offset;
  const others = operators.filter((o) => o.id !== myId && o.lastActionAt !== null && studioNow - o.lastActionAt < ACTIVE_MS);
  if (others.length === 0) return null;
  const who = formatList(
    others.map((o) => t('activity.actor', { name: o.name, role: t(`role.${o.role}`) })),
    locale
  );
  return (
    <div className="operators-notice" role="status" data-testid="operators-notice">
      <span className="dot" aria-hidden /> {t('operators.alsoWorking', { count: others.length, who })}
    </div>
  );
}
