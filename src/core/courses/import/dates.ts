/**
 * Dates as course pages write them ("by March 3, 2024", "3 March", "Friday, March 1",
 * "03.03.2024", "03.03.", "2024-03-03", "Mar. 3", "June 24-26", "7-9 April"), the year a page's
 * term gives to dates written without one, and relative deadlines ("two days after your
 * presentation") that are kept as words, never turned into a date.
 */

/** A date found in text, with its position. */
export interface FoundDate {
  readonly index: number;
  readonly text: string;
  readonly month: number;
  readonly day: number;
  readonly year?: number;
  /** Last day of a range such as `June 24-26` (same month) or `7-9 April`. */
  readonly endDay?: number;
}

/** The term a page names ("Fall 2025", "Winter 2024/25", "WS 2024/25"), as written and as years. */
export interface Term {
  readonly text: string;
  readonly season: string;
  readonly year: number;
  /** The second year of a term written across two years ("Winter 2024/25"). */
  readonly endYear?: number;
}

const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const monthPattern = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const monthIndex = (name: string): number => monthNames.indexOf(name.slice(0, 3).toLowerCase()) + 1;

/** `YYYY-MM-DD`. */
export const iso = (y: number, m: number, d: number): string => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

const daysIn = (month: number, year = 2000): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Every date in `text`: `2021-05-19`, `Oct 14, 2024`, `Mon, Oct. 14`, `April 9th`, `June 24-26`,
 * `1 June 2020`, `7-9 April`, `24.06.2020`, `03.03.` (day and month), `6/1/2020` (month first).
 */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  const taken: [number, number][] = [];
  const run = (re: RegExp, read: (m: RegExpExecArray) => Omit<FoundDate, 'index' | 'text'> | undefined) => {
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const date = read(m);
      const start = m.index;
      const end = start + m[0].length;
      if (!date || taken.some(([a, b]) => start < b && end > a)) continue;
      if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > daysIn(date.month, date.year)) continue;
      if (date.endDay !== undefined && (date.endDay <= date.day || date.endDay > daysIn(date.month, date.year))) continue;
      taken.push([start, end]);
      found.push({ index: start, text: m[0].trim(), ...date });
    }
  };
  const year = (y: string | undefined) => (y ? { year: Number(y) } : {});
  const endDay = (d: string | undefined) => (d ? { endDay: Number(d) } : {});
  run(/\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/g, (m) => ({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }));
  run(new RegExp(`\\b${monthPattern}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!:\\d|\\.\\d)(?:\\s*[-–]\\s*(\\d{1,2})(?:st|nd|rd|th)?\\b)?(?:,?\\s+((?:19|20)\\d{2})\\b)?`, 'g'), (m) => ({
    month: monthIndex(m[1] ?? ''),
    day: Number(m[2]),
    ...endDay(m[3]),
    ...year(m[4]),
  }));
  run(new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*[-–]\\s*(\\d{1,2})(?:st|nd|rd|th)?)?\\.?\\s+(?:of\\s+)?${monthPattern}\\b\\.?(?:,?\\s+((?:19|20)\\d{2})\\b)?`, 'g'), (m) => ({
    month: monthIndex(m[3] ?? ''),
    day: Number(m[1]),
    ...endDay(m[2]),
    ...year(m[4]),
  }));
  run(/\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})\b/g, (m) => ({ day: Number(m[1]), month: Number(m[2]), year: Number(m[3]) }));
  // "03.03." without a year: both parts written with two digits, so section numbers do not match.
  run(/(?<![\d.])(\d{2})\.(\d{2})\.(?![\d])/g, (m) => ({ day: Number(m[1]), month: Number(m[2]) }));
  run(/\b(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})\b/g, (m) => ({ month: Number(m[1]), day: Number(m[2]), year: Number(m[3]) }));
  return found.sort((a, b) => a.index - b.index);
}

const seasons: Readonly<Record<string, string>> = {
  spring: 'Spring', summer: 'Summer', fall: 'Fall', autumn: 'Autumn', winter: 'Winter',
  ws: 'WS', wise: 'WiSe', ss: 'SS', sose: 'SoSe',
};

/** The first term the page names: "Fall 2025", "Winter 2024/25", "Autumn 2023", "WS 2024/25". */
export function findTerm(text: string): Term | undefined {
  const m = /\b(Spring|Summer|Fall|Autumn|Winter|WS|WiSe|SS|SoSe)\s+(?:term\s+|semester\s+|quarter\s+)?((?:19|20)\d{2})(?:\s*\/\s*(\d{4}|\d{2})\b)?/i.exec(text);
  if (!m?.[1] || !m[2]) return undefined;
  const season = seasons[m[1].toLowerCase()] ?? m[1];
  const first = Number(m[2]);
  const second = m[3] ? Number(m[3].length === 2 ? `${m[2].slice(0, 2)}${m[3]}` : m[3]) : undefined;
  const endYear = second === first + 1 ? second : undefined;
  return { text: `${season} ${m[2]}${m[3] && endYear ? `/${m[3]}` : ''}`, season, year: first, ...(endYear ? { endYear } : {}) };
}

/**
 * The year of a date written without one: in a term across two years ("Winter 2024/25") January
 * to July belong to the later year; otherwise the term's year, the `fallback` year, or none.
 */
export function yearFor(month: number, term: Term | undefined, fallback: number | undefined): number | undefined {
  if (term?.endYear !== undefined) return month <= 7 ? term.endYear : term.year;
  return term?.year ?? fallback;
}

/** The ISO date of a found date, or undefined when its year cannot be known. */
export function resolveDate(date: FoundDate, term: Term | undefined, fallback: number | undefined): { due: string; dueEnd?: string } | undefined {
  const year = date.year ?? yearFor(date.month, term, fallback);
  if (year === undefined) return undefined;
  return { due: iso(year, date.month, date.day), ...(date.endDay !== undefined ? { dueEnd: iso(year, date.month, date.endDay) } : {}) };
}

const amount = '(?:\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen|a couple of|several)';

/**
 * Deadlines given relative to something else: "two days after your presentation", "one week
 * before the exam", "within 48 hours of", "the day after", "after your poster".
 */
const relative = new RegExp(
  [
    `\\b${amount}\\s+(?:business\\s+|working\\s+|calendar\\s+)?(?:days?|weeks?|hours?)\\s+(?:after|before|following|prior to|from)\\s+(?:your|the|their|each|his|her)?\\s*[\\w-]+(?:\\s+[\\w-]+)?`,
    `\\bwithin\\s+${amount}\\s+(?:days?|weeks?|hours?)\\s+(?:of|after)\\s+(?:your|the|their|each)?\\s*[\\w-]+`,
    `\\bthe\\s+(?:day|week|evening|night)\\s+(?:after|before)\\s+(?:your|the|their|each)?\\s*[\\w-]+`,
    `\\b(?:after|before|following)\\s+(?:your|their|each)\\s+[\\w-]+`,
  ].join('|'),
  'gi',
);

/** Relative deadlines in a sentence, with their positions. */
export function findRelativeDates(sentence: string): { index: number; text: string }[] {
  return [...sentence.matchAll(relative)].map((m) => ({ index: m.index, text: m[0].trim() }));
}
