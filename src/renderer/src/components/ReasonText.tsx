import type { Reason } from '@shared/reason';
import { useDeskText } from '../i18n/desk-text';
import { reasonParts } from '../i18n/reason-text';

/**
 * A studio sentence in the operator's language, from its code. What others wrote (a column of the
 * file, OBS's host, the studio's English for a code this desk does not know) is marked data-verbatim.
 */
export function ReasonText({ why, english }: { why: Reason | null | undefined; english: string }) {
  const { t } = useDeskText();
  return (
    <span>
      {reasonParts(t, why, english).map((part, i) =>
        part.verbatim ? (
          <span key={i} data-verbatim>
            {part.text}
          </span>
        ) : (
          part.text
        )
      )}
    </span>
  );
}
