import type { HostMessage } from '../../shared/host';
import { el, setText } from '../overlay/dom';

/** The moderators' messages, newest first, each acknowledged with one tap. */
export function messageList(acknowledge: (id: string) => void) {
  const root = el('section', 'messages', 'host-messages');
  const label = el('p', 'label');
  const list = el('ul', 'message-list');
  root.append(label, list);
  let shown = '';
  return {
    root,
    update(messages: HostMessage[], title: string, ok: string, locale: string): void {
      root.hidden = messages.length === 0;
      setText(label, title);
      const key = messages.map((m) => m.id).join(',') + ok;
      if (key === shown) return;
      shown = key;
      list.replaceChildren(
        ...[...messages].reverse().map((m) => {
          const li = el('li', 'message', 'host-message');
          const text = el('p', 'message-text');
          text.textContent = m.text;
          const meta = el('p', 'message-meta');
          meta.textContent = `${m.from} · ${new Date(m.at).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' })}`;
          const button = el('button', 'ack', 'host-ack');
          button.type = 'button';
          button.textContent = ok;
          button.addEventListener('click', () => {
            button.disabled = true;
            acknowledge(m.id);
          });
          li.append(text, meta, button);
          return li;
        })
      );
    }
  };
}
