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

const fr: HostWords = {
  ...en,
  onAir: 'À l’antenne',
  nothingOnAir: 'Rien à l’antenne',
  next: 'Ensuite',
  lastItem: 'Dernier produit de l’émission',
  notes: 'À dire',
  noNotes: 'Pas de notes pour ce produit',
  stock: (n) => `encore ${n}`,
  soldOut: 'Épuisé',
  stockUntracked: 'Stock non suivi',
  left: 'reste',
  over: 'dépassé',
  held: 'Retenu : reste à l’antenne',
  advancing: (s) => `Produit suivant dans ${s} s`,
  deal: 'L’offre se termine dans',
  sales: 'Ventes',
  orders: (n) => `commandes : ${n}`,
  lastMinute: (n) => `${n} dans la dernière minute`,
  messages: 'Messages',
  offline: 'Reconnexion…',
  behind: 'de retard',
  ahead: 'd’avance',
  onPlan: 'dans les temps',
  endsAt: 'fin'
};

const es: HostWords = {
  ...en,
  onAir: 'En antena',
  nothingOnAir: 'Nada en antena',
  next: 'Siguiente',
  lastItem: 'Último producto del programa',
  notes: 'Qué decir',
  noNotes: 'Sin notas para este producto',
  stock: (n) => `quedan ${n}`,
  soldOut: 'Agotado',
  stockUntracked: 'Stock sin seguimiento',
  left: 'quedan',
  over: 'de más',
  held: 'Retenido: sigue en antena',
  advancing: (s) => `Siguiente producto en ${s} s`,
  deal: 'La oferta termina en',
  sales: 'Ventas',
  orders: (n) => `pedidos: ${n}`,
  lastMinute: (n) => `${n} en el último minuto`,
  messages: 'Mensajes',
  offline: 'Reconectando…',
  behind: 'de retraso',
  ahead: 'de adelanto',
  onPlan: 'en hora',
  endsAt: 'fin'
};

const it: HostWords = {
  ...en,
  onAir: 'In onda',
  nothingOnAir: 'Niente in onda',
  next: 'Prossimo',
  lastItem: 'Ultimo prodotto della puntata',
  notes: 'Cosa dire',
  noNotes: 'Nessuna nota per questo prodotto',
  stock: (n) => `ne restano ${n}`,
  soldOut: 'Esaurito',
  stockUntracked: 'Scorte non tracciate',
  left: 'restano',
  over: 'oltre',
  held: 'Trattenuto: resta in onda',
  advancing: (s) => `Prossimo prodotto tra ${s} s`,
  deal: 'L’offerta finisce tra',
  sales: 'Vendite',
  orders: (n) => `ordini: ${n}`,
  lastMinute: (n) => `${n} nell’ultimo minuto`,
  messages: 'Messaggi',
  offline: 'Riconnessione…',
  behind: 'di ritardo',
  ahead: 'di anticipo',
  onPlan: 'in orario',
  endsAt: 'fine'
};

const ru: HostWords = {
  ...en,
  onAir: 'В эфире',
  nothingOnAir: 'В эфире ничего',
  next: 'Далее',
  lastItem: 'Последний товар эфира',
  notes: 'Что сказать',
  noNotes: 'Нет заметок к этому товару',
  stock: (n) => `осталось: ${n}`,
  soldOut: 'Распродано',
  stockUntracked: 'Остаток не отслеживается',
  left: 'осталось',
  over: 'сверх плана',
  held: 'Задержано: остаётся в эфире',
  advancing: (s) => `Следующий товар через ${s} с`,
  deal: 'Акция закончится через',
  sales: 'Продажи',
  orders: (n) => `заказов: ${n}`,
  lastMinute: (n) => `за последнюю минуту: ${n}`,
  messages: 'Сообщения',
  offline: 'Переподключение…',
  behind: 'отставания',
  ahead: 'опережения',
  onPlan: 'по плану',
  endsAt: 'конец'
};

const uk: HostWords = {
  ...en,
  onAir: 'В ефірі',
  nothingOnAir: 'В ефірі нічого',
  next: 'Далі',
  lastItem: 'Останній товар ефіру',
  notes: 'Що сказати',
  noNotes: 'Немає нотаток до цього товару',
  stock: (n) => `залишилось: ${n}`,
  soldOut: 'Розпродано',
  stockUntracked: 'Залишок не відстежується',
  left: 'залишилось',
  over: 'понад план',
  held: 'Затримано: лишається в ефірі',
  advancing: (s) => `Наступний товар через ${s} с`,
  deal: 'Акція закінчиться через',
  sales: 'Продажі',
  orders: (n) => `замовлень: ${n}`,
  lastMinute: (n) => `за останню хвилину: ${n}`,
  messages: 'Повідомлення',
  offline: 'Перепідключення…',
  behind: 'відставання',
  ahead: 'випередження',
  onPlan: 'за планом',
  endsAt: 'кінець'
};

const DICTIONARIES: Record<string, HostWords> = { en, pl, de, fr, es, it, ru, uk };

export function hostWords(locale: string): HostWords {
  const lang = locale.split('-')[0];
  return Object.hasOwn(DICTIONARIES, lang) ? DICTIONARIES[lang] : en;
}
