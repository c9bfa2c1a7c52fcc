import { useLive } from '../../store/live';
import { useState } from 'react';
import { act, NONE } from '../../store/studio-store';
import { useMay } from '../../lib/roles';
import { useDeskText } from '../../i18n/desk-text';

/** A line to the host's monitor ("say the code POLSKA10"), and the messages still waiting there. */
export function HostMessageBox() {
  const { t } = useDeskText();
  const may = useMay('host.message');
  const waiting = useLive((s) => s.show?.hostMessages ?? NONE);
  const [text, setText] = useState('');
  if (!may) return null;
  const send = async () => {
    const message = text.trim();
    if (!message) return;
    const sent = await act((c) => c.post('/api/v1/host/messages', { text: message }));
    if (sent) setText('');
  };
  return (
    <form
      className="host-message-box"
      data-testid="host-message-box"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <input
        data-testid="host-message-input"
        value={text}
        maxLength={280}
        placeholder={t('timing.messagePlaceholder')}
        aria-label={t('timing.messageLabel')}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => e.stopPropagation()}
      />
      <button type="submit" data-testid="host-message-send">
        {t('timing.send')}
      </button>
      {waiting.map((m) => (
        <button key={m.id} type="button" className="chip" data-testid="host-message-waiting" aria-label={t('timing.messageClear', { text: m.text })} onClick={() => void act((c) => c.delete(`/api/v1/host/messages/${encodeURIComponent(m.id)}`))}>
          {m.text} ✕
        </button>
      ))}
    </form>
  );
}
