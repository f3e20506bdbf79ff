// The one language of the page: its words, and the dates and numbers among them. The console is
// in English for now; a translation switches it here and every date and number follows, so a
// page never mixes two languages ("2 years ago" on a Chinese page).
export const LOCALE = 'en';

export const formatNumber = (n: number) => n.toLocaleString(LOCALE);
