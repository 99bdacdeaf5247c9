/**
 * Page limits and group sizes as a course page states them: one limit for everyone, separate
 * limits for individuals and teams (in one sentence or several), whether references and
 * appendices count, the template the limit is counted in, and how many students may work together.
 */
import type { GroupSize, PageLimit } from '../types';

/** What one sentence says about a page limit; any part may be missing. */
export type LimitFacts = { -readonly [K in keyof Omit<PageLimit, 'source'>]?: PageLimit[K] };

const numberWords: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20, single: 1, a: 1,
};

/** Reads `5`, `five` or `one-` as a number. */
export function count(word: string | undefined): number | undefined {
  if (!word) return undefined;
  const w = word.toLowerCase().replace(/-$/, '');
  return /^\d+$/.test(w) ? Number(w) : numberWords[w];
}

const num = '(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)';
const who = {
  individual: /\b(?:individuals?|individual\s+(?:projects?|papers?|reports?|work|submissions?)|single[- ]authors?|(?:single|one) students?|one author|one person|alone|by yourself|on your own|solo|per person)\b/i,
  team: /\b(?:teams?|groups?|pairs?|joint|two or more (?:students|authors)|team\s+projects?|group\s+(?:projects?|papers?|reports?))\b/i,
};

/** "N pages for individuals, M for teams" and the team-first order, in one phrase. */
function pairOf(s: string): { individual: number; team: number } | undefined {
  const noun = '(?:\\s+(?:projects?|papers?|reports?|work|submissions?|write-?ups?))?';
  const ind = `(?:\\()?(?:for\\s+|if\\s+you\\s+work\\s+)?(?:an?\\s+)?(?:individuals?|individual${noun}|single[- ]authors?${noun}|single[- ]person${noun}|(?:single|one|individual)\\s+students?|one\\s+person|alone|solo)\\)?`;
  const team = `(?:\\()?(?:for\\s+|if\\s+you\\s+(?:work\\s+)?in\\s+)?(?:an?\\s+)?(?:teams?${noun}|groups?${noun}|pairs?|two or more authors)\\)?`;
  const sep = '\\s*(?:,|and|/|;|or)?\\s*';
  const a = new RegExp(`${num}\\s*pages?\\s*${ind}${sep}${num}\\s*(?:pages?)?\\s*${team}`, 'i').exec(s);
  if (a) {
    const [i, t] = [count(a[1]), count(a[2])];
    if (i !== undefined && t !== undefined) return { individual: i, team: t };
  }
  // "at most 6 pages (8 if you work in a pair)"
  const c = new RegExp(`${num}\\s*pages?[^()]{0,30}\\(\\s*${num}\\s*(?:pages?\\s*)?(?:if\\s+you\\s+(?:work\\s+)?in\\s+|when\\s+working\\s+in\\s+|for\\s+)?(?:an?\\s+)?(?:teams?|groups?|pairs?)\\s*\\)`, 'i').exec(s);
  if (c) {
    const [i, t] = [count(c[1]), count(c[2])];
    if (i !== undefined && t !== undefined) return { individual: i, team: t };
  }
  const b = new RegExp(`${num}\\s*pages?\\s*${team}${sep}${num}\\s*(?:pages?)?\\s*${ind}`, 'i').exec(s);
  if (b) {
    const [t, i] = [count(b[1]), count(b[2])];
    if (i !== undefined && t !== undefined) return { individual: i, team: t };
  }
  return undefined;
}

/** One number of pages in a clause: "at most 4 pages", "one-page", "should be 3 pages", "| 1 page". */
function singleOf(clause: string): number | undefined {
  const m =
    new RegExp(`(?:at most|up to|no more than|no longer than|maximum of|max(?:imum)?\\.?|limited to|limit of|(?:not )?exceed(?:ing)?|be|is|are|of|to|use|within|run to|have|get)\\s+(?:a\\s+)?${num}\\s*pages?\\b`, 'i').exec(clause) ??
    new RegExp(`\\b${num}[- ]page\\b`, 'i').exec(clause) ??
    /\b(?:a\s+)?(single)\s+page\b/i.exec(clause) ??
    new RegExp(`\\b(?:length|limit|page limit|pages)\\s*:\\s*(?:up to\\s+|at most\\s+|max(?:imum)?\\.?\\s+)?${num}\\s*pages?\\b`, 'i').exec(clause) ??
    new RegExp(`\\b${num}\\s+pages?\\s+(?:long|max(?:imum)?|or less|or fewer|at most|maximum|in length)`, 'i').exec(clause) ??
    new RegExp(`(?:^|\\||\\()\\s*${num}\\s+pages?\\b(?!\\s+of\\b)`, 'i').exec(clause);
  return count(m?.[1]);
}

/**
 * Whether references and appendices count, and the template, when the sentence says so
 * ("excluding references and appendix", "references not counted", "in the ICML template").
 */
export function findLimitNotes(sentence: string): LimitFacts {
  const s = sentence.replace(/\*\*/g, '').replace(/\s+/g, ' ');
  const out: LimitFacts = {};
  const not = /\b(?:excluding|excluded|not including|without|exclusive of|plus|\+|do(?:es)? not count|don'?t count|not count(?:ed|ing)?|are not counted|is not counted|not included|aside from|apart from|in addition to)\b/i;
  const clauses = s.split(/[;,]|\band\b(?=\s+(?:is|are|the|it)\b)/i);
  for (const clause of clauses) {
    const refs = /\breferences?\b|\bbibliograph(?:y|ies)\b|\bcitations\b/i.test(clause);
    const appendix = /\bappendi(?:x|ces)\b|\bsupplementary\b/i.test(clause);
    if (!refs && !appendix) continue;
    const excluded = not.test(clause) || /\b(?:references?|appendi(?:x|ces)|bibliography)\b[^.;]*\b(?:excluded|do(?:es)? not count|don'?t count|not counted|are free|unlimited)\b/i.test(clause);
    const included = !excluded && /\b(?:including|included|inclusive of|count(?:s)?\s+(?:towards?|against))\b/i.test(clause);
    if (!excluded && !included) continue;
    // "excluding references and appendix" names both in one clause.
    if (refs) out.referencesCount = !excluded;
    if (appendix) out.appendixCounts = !excluded;
  }
  const template = /\b(NeurIPS|NIPS|ICML|ICLR|ACL|EMNLP|NAACL|CVPR|ICCV|ECCV|AAAI|IJCAI|COLT|AISTATS|UAI|KDD|IEEE|ACM|LNCS|JMLR|TMLR)\b(?:\s+\d{4})?\s*(?:\(?\s*)(?:style|template|format|latex|\.sty|conference format)\b|\b(?:template|style(?:\s*file)?|format)\s+(?:of|from)\s+(?:the\s+)?(NeurIPS|NIPS|ICML|ICLR|ACL|EMNLP|CVPR|AAAI|IJCAI|COLT)\b/i.exec(s);
  const name = template?.[1] ?? template?.[2];
  // "IEEE style for references" is a citation style, not a page template.
  const forCitations = template ? /^\s*(?:for|in)\s+(?:the\s+|your\s+)?(?:references|citations|bibliograph)/i.test(s.slice(template.index + template[0].length)) : false;
  if (name && !forCitations) {
    const canonical = /^nips$|^neurips$/i.test(name) ? 'NeurIPS' : name.toUpperCase();
    out.template = canonical;
    if (canonical === 'NeurIPS') out.style = 'neurips';
  }
  return out;
}

/**
 * Page limits in one sentence: "5 pages for individuals and 8 for teams", "at most 4 pages",
 * "one-page", "Individual papers are limited to 6 pages" (individuals only), "teams of two may
 * use 9 pages" (teams only). A limit that names only one of the two never fills in the other.
 */
export function findPageLimit(sentence: string): LimitFacts | undefined {
  // "five (5) pages" says the number twice.
  const s = sentence
    .replace(/\*\*/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\b[a-z]+\s*\((\d+)\)(?=\s*pages?\b)/gi, (whole: string, n: string) => (count(whole.split(/\s*\(/)[0]) === Number(n) ? n : whole));
  const out: LimitFacts = {};
  const pair = pairOf(s);
  if (pair) {
    out.individual = pair.individual;
    out.team = pair.team;
  } else {
    for (const clause of s.split(/;|,\s*(?:but|while|whereas)\b|\.\s+|\s+whereas\s+|\s+while\s+/i)) {
      const n = singleOf(clause);
      if (n === undefined || n === 0) continue;
      // Two page counts in one clause that no pattern pairs: unsure whose each is, so neither.
      if (new Set([...clause.matchAll(new RegExp(`\\b${num}\\s*pages?\\b`, 'gi'))].map((m) => count(m[1]))).size > 1) continue;
      // The clause of the number decides whom the limit is for.
      const forTeam = who.team.test(clause);
      const forIndividual = who.individual.test(clause);
      if (forTeam && !forIndividual) out.team ??= n;
      else if (forIndividual && !forTeam) out.individual ??= n;
      else if (out.individual === undefined && out.team === undefined) {
        out.individual = n;
        out.team = n;
      }
    }
  }
  if (out.individual === undefined && out.team === undefined) return undefined;
  return { ...out, ...findLimitNotes(s) };
}

/**
 * Group sizes: "groups of 1-4", "teams of two to three", "groups of up to four ... or alone",
 * "Teams: 2-3 students", "alone or with one partner", "work in pairs", "projects are individual".
 */
export function findGroupSize(sentence: string): Omit<GroupSize, 'source'> | undefined {
  const s = sentence.replace(/\*\*/g, '').replace(/\s+/g, ' ');
  const alone = /\balone\b|\bindividually or\b|\bby yourself\b|\bon (?:your|their) own\b|\bsolo\b/i.test(s);
  const minAlone = alone ? { min: 1 } : {};
  const range = new RegExp(`(?:groups?|teams?)(?:\\s+of|:)\\s+(?:size\\s+)?${num}\\s*(?:-|–|to|or)\\s*${num}\\b`, 'i').exec(s);
  if (range) {
    const min = count(range[1]);
    const max = count(range[2]);
    if (min !== undefined && max !== undefined && min <= max) return { min: alone ? 1 : min, max };
  }
  const upTo = new RegExp(`(?:groups?|teams?)(?:\\s+of|:)\\s+(?:up to|at most|no more than|max(?:imum)?\\.?)\\s+${num}\\b`, 'i').exec(s);
  if (upTo) {
    const max = count(upTo[1]);
    return { ...minAlone, ...(max !== undefined ? { max } : {}) };
  }
  if (/\bindividually or in pairs\b|\balone or (?:with )?(?:one|a) partner\b|\balone or in pairs\b|\bin pairs or alone\b|\bsingly or in pairs\b/i.test(s)) return { min: 1, max: 2 };
  const exact = new RegExp(`(?:groups?|teams?)(?:\\s+of|:)\\s+${num}\\b(?!\\s*(?:-|–|to|or)\\s*${num})`, 'i').exec(s);
  if (exact && !/\bpapers?\b/i.test(s.slice(exact.index, exact.index + exact[0].length + 10))) {
    const n = count(exact[1]);
    // "groups of two write 8-10 pages" says what groups do, not that everyone works in one.
    if (n !== undefined) return alone ? { min: 1, max: n } : /\bpages?\b/i.test(s) ? { max: n } : { min: n, max: n };
  }
  if (/\bif you work in (?:a )?pairs?\b/i.test(s)) return { max: 2 };
  if (/\b(?:work|working)\s+in\s+pairs\b/i.test(s)) return { min: 2, max: 2 };
  if (/\b(?:projects?|seminar|course|work|assignments?) (?:are|is) individual\b|\bindividual projects only\b|\b(?:everyone|each student) (?:works?|writes?) alone\b|\bno (?:teams|groups|(?:team|group) (?:projects?|work))\b/i.test(s)) return { min: 1, max: 1 };
  return undefined;
}
