/**
 * The host's monitor's own words, in the host's language (`hostLocale`). One dictionary per desk
 * language; a missing language falls back to English.
 */
export interface HostWords {
  onAir: string;
  nothingOnAir: string;
  next: string;
  lastItem: string;
  notes: string;
  noNotes: string;
  stock: (n: number) => string;
  soldOut: string;
  stockUntracked: string;
  left: string;
  over: string;
  held: string;
  advancing: (s: number) => string;
  deal: string;
  sales: string;
  orders: (n: number) => string;
  lastMinute: (n: number) => string;
  messages: string;
  ok: string;
  offline: string;
  behind: string;
  ahead: string;
  onPlan: string;
  endsAt: string;
}

const en: HostWords = {
  onAir: 'On air',
  nothingOnAir: 'Nothing on air',
  next: 'Next',
  lastItem: 'Last product of the show',
  notes: 'Talking points',
  noNotes: 'No notes for this product',
  stock: (n) => `${n} left`,
  soldOut: 'Sold out',
  stockUntracked: 'Stock not tracked',
  left: 'left',
  over: 'over',
  held: 'Held: stays on air',
  advancing: (s) => `Next product in ${s} s`,
  deal: 'Deal ends in',
  sales: 'Sales',
  orders: (n) => `${n} orders`,
  lastMinute: (n) => `${n} in the last minute`,
  messages: 'Messages',
  ok: 'OK',
  offline: 'Reconnecting…',
  behind: 'behind',
  ahead: 'ahead',
  onPlan: 'on plan',
  endsAt: 'ends'
};

const pl: HostWords = {
  onAir: 'Na antenie',
  nothingOnAir: 'Nic nie jest na antenie',
  next: 'Następny',
  lastItem: 'Ostatni produkt programu',
  notes: 'Co powiedzieć',
  noNotes: 'Brak notatek do tego produktu',
  stock: (n) => `zostało ${n} szt.`,
  soldOut: 'Wyprzedane',
  stockUntracked: 'Stan nieśledzony',
  left: 'zostało',
  over: 'ponad plan',
  held: 'Wstrzymane: zostaje na antenie',
  advancing: (s) => `Następny produkt za ${s} s`,
  deal: 'Promocja kończy się za',
  sales: 'Sprzedaż',
  orders: (n) => `zamówienia: ${n}`,
  lastMinute: (n) => `${n} w ostatniej minucie`,
  messages: 'Wiadomości',
  ok: 'OK',
  offline: 'Łączenie ponownie…',
  behind: 'opóźnienia',
  ahead: 'zapasu',
  onPlan: 'zgodnie z planem',
  endsAt: 'koniec'
};

const de: HostWords = {
  ...en,
  onAir: 'Auf Sendung',
  nothingOnAir: 'Nichts auf Sendung',
  next: 'Als Nächstes',
  lastItem: 'Letztes Produkt der Show',
  notes: 'Stichpunkte',
  noNotes: 'Keine Notizen zu diesem Produkt',
  stock: (n) => `noch ${n}`,
  soldOut: 'Ausverkauft',
  stockUntracked: 'Bestand nicht erfasst',
  left: 'übrig',
  over: 'drüber',
  held: 'Gehalten: bleibt auf Sendung',
  advancing: (s) => `Nächstes Produkt in ${s} s`,
  deal: 'Angebot endet in',
  sales: 'Verkäufe',
  orders: (n) => `${n} Bestellungen`,
  lastMinute: (n) => `${n} in der letzten Minute`,
  messages: 'Nachrichten',
  offline: 'Verbinde neu…',
  behind: 'Verzug',
  ahead: 'Vorsprung',
  onPlan: 'im Plan',
  endsAt: 'Ende'
};

const DICTIONARIES: Record<string, HostWords> = { en, pl, de };

export function hostWords(locale: string): HostWords {
  const lang = locale.split('-')[0];
  return Object.hasOwn(DICTIONARIES, lang) ? DICTIONARIES[lang] : en;
}
