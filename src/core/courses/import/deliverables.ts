/**
 * Deliverables by what the page calls them (proposal, outline, milestone, progress report,
 * poster, handout, presentation, peer review, final report, slides), each with its own due date, page
 * limit and required sections, and the group size the page gives. Every fact keeps the
 * sentence it came from; a relative or year-less date goes to "to check" instead of a guess.
 */
import type { Deliverable, GroupSize, PageLimit, RequiredSection } from '../types';
import { findDates, findRelativeDates, type FoundDate, resolveDate, type Term } from './dates';
import { findGroupSize, findLimitNotes, findPageLimit, type LimitFacts } from './limits';
import { type PageLine, sentencesOf, slug, withoutAsides } from './text';

/** Deliverable kinds and the words that name them; a longer name wins ("progress report" over "report"). */
const kindWords: readonly (readonly [string, RegExp])[] = [
  ['progress-report', /\b(?:progress|status|interim|mid-?term)\s+reports?\b/gi],
  ['milestone', /\b(?:project\s+)?milestones?(?:\s+reports?)?\b/gi],
  ['peer-review', /\bpeer[-\s]reviews?\b|\breviews? of (?:another|other|a classmate|each other)/gi],
  ['outline', /\b(?:project\s+|paper\s+)?outlines?\b/gi],
  ['proposal', /\b(?:project\s+|research\s+)?(?:pre-?)?proposals?\b/gi],
  ['poster', /\bposters?(?:\s+session)?\b/gi],
  ['handout', /\bhand-?outs?\b/gi],
  ['slides', /\b(?:presentation\s+)?slides?\b|\bslide\s+decks?\b/gi],
  ['presentation', /\bpresentations?\b|\btalks?\b/gi],
  ['report', /\b(?:final\s+|written\s+|term\s+)?(?:project\s+)?(?:reports?|write-?ups?)\b|\b(?:final|term|project|written|seminar)\s+papers?\b|\bpapers? due\b|\b(?:final\s+|seminar\s+|term\s+)?essays?\b/gi],
];

/** Kinds named in a sentence, each at its first position, in page order; names that overlap keep the longer. */
export function findKinds(sentence: string): { kind: string; index: number; end: number }[] {
  const all: { kind: string; index: number; end: number }[] = [];
  for (const [kind, re] of kindWords) for (const m of sentence.matchAll(re)) all.push({ kind, index: m.index, end: m.index + m[0].length });
  all.sort((a, b) => a.index - b.index || b.end - a.end);
  const kept: typeof all = [];
  for (const k of all) if (!kept.some((o) => k.index < o.end && k.end > o.index)) kept.push(k);
  // "peer review of another group's proposal": a kind named as the object of another is not one.
  const subjects = kept.filter((k) => !(kept.length > 1 && /\b(?:of|on|for|about)\s+(?:another|other|(?:a\s+|the\s+|your\s+|each\s+)?(?:other\s+)?(?:classmate|group|team|student|peer)s?['’]s?)\s+(?:\w+['’]s\s+)?$/i.test(sentence.slice(0, k.index))));
  return subjects.filter((k, i) => subjects.findIndex((o) => o.kind === k.kind) === i);
}

/** "Required sections: A, B, C", "must contain the sections A, B and C". */
export function findRequiredSections(sentence: string): string[] {
  const m = /(?:required\s+sections?|(?:must|should|has to|needs? to)\s+(?:contain|include|have|cover)\s+(?:the\s+)?(?:following\s+)?(?:sections?|headings?)|sections?\s+(?:required|needed))\s*:?\s*(.+?)\s*\.?$/i.exec(sentence);
  if (!m?.[1]) return [];
  const titles = m[1]
    .split(/\s*[,;]\s*(?:and\s+)?|\s+and\s+/)
    .map((t) => t.replace(/^["“']|["”']$/g, '').trim())
    .filter(Boolean);
  return titles.every((t) => t.split(/\s+/).length <= 6 && /^[A-Z0-9]/.test(t)) ? titles : [];
}

type Draft = { -readonly [K in keyof Deliverable]?: Deliverable[K] } & { kind: string };

/** What the deliverables reader needs from the rest of the page. */
export interface DeliverableContext {
  readonly term: Term | undefined;
  /** Year for dates without one when the page has no term (from --year or the page's own dates). */
  readonly year: number | undefined;
  /** Lines that hold papers: never read as deliverables. */
  readonly paperLines: ReadonlySet<number>;
}

/** The deliverables, the group size and what to check. */
export interface DeliverablesFound {
  readonly deliverables: Deliverable[];
  readonly groupSize?: GroupSize;
  readonly todo: string[];
}

const due = /\bdue\b|\bdeadline\b|\bsubmit|\bhand(?:ed)? in\b|\bsend\b|\bupload\b/i;

/** Reads the deliverables of a page, sentence by sentence and table row by table row. */
export function findDeliverables(lines: readonly PageLine[], context: DeliverableContext): DeliverablesFound {
  const drafts = new Map<string, { d: Draft; dateText?: string; relative?: string; range?: string }>();
  const todo: string[] = [];
  const unassigned: string[] = [];
  let groupSize: GroupSize | undefined;
  let current: string | undefined;
  let paragraph = -1;
  // Under a heading that names a deliverable ("## Proposal"), sentences are about it.
  let sectionKind: string | undefined;

  const entry = (kind: string) => {
    let e = drafts.get(kind);
    if (!e) {
      e = { d: { kind } };
      drafts.set(kind, e);
    }
    return e;
  };
  const note = (d: Draft, sentence: string) => {
    if (!(d.notes ?? []).includes(sentence)) d.notes = [...(d.notes ?? []), sentence];
  };
  const setLimit = (d: Draft, limit: LimitFacts, sentence: string) => {
    const old = d.pageLimit;
    const merged: LimitFacts = { ...limit, ...stripUndefined(old ?? {}) };
    delete (merged as { source?: string }).source;
    const changed = Object.keys(merged).some((k) => (old as Record<string, unknown> | undefined)?.[k] === undefined);
    if (!changed) return;
    d.pageLimit = { ...merged, source: old?.source ? `${old.source} … ${sentence}` : sentence } as PageLimit;
  };
  const setDate = (kind: string, date: FoundDate | { start: FoundDate; end: FoundDate }, sentence: string) => {
    const e = entry(kind);
    if (e.d.due !== undefined || e.dateText !== undefined) return;
    const first = 'start' in date ? date.start : date;
    const last = 'start' in date ? date.end : undefined;
    // "between 2 June and 27 June 2025": the year written once serves both ends.
    const fallback = last?.year ?? context.year;
    const resolved = resolveDate(first, last?.year !== undefined && first.year === undefined && !context.term ? undefined : context.term, fallback);
    const end = last ? resolveDate(last, context.term, context.year) : undefined;
    if (resolved) {
      e.d.due = resolved.due;
      if (resolved.dueEnd) e.d.dueEnd = resolved.dueEnd;
      if (end && end.due > resolved.due) e.d.dueEnd = end.due;
    } else e.dateText = first.text;
    note(e.d, sentence);
  };

  for (const line of lines) {
    if (line.heading) {
      const named = findKinds(line.heading);
      sectionKind = named.length === 1 ? named[0]?.kind : undefined;
      continue;
    }
    if (line.code || !line.text || context.paperLines.has(line.line)) continue;
    if (line.paragraph !== paragraph) {
      paragraph = line.paragraph;
      current = sectionKind;
    }
    // A table row is one statement; its first cell names the deliverable.
    const units = line.table ? [line.text] : sentencesOf(line.text);
    for (const sentence of units) {
      const group = findGroupSize(sentence);
      if (group && !groupSize) groupSize = { ...group, source: sentence };
      const relatives = findRelativeDates(sentence);
      let masked = sentence;
      for (const r of relatives) masked = masked.slice(0, r.index) + ' '.repeat(r.text.length) + masked.slice(r.index + r.text.length);
      const firstCell = line.table?.cells[0] ?? '';
      let kinds = findKinds(withoutAsides(line.table && findKinds(firstCell).length > 0 ? firstCell : masked));
      // "The report should include..." under "## Midterm progress report" is that report.
      if (sectionKind && kinds.length > 0 && kinds.every((k) => /^(?:the|your|this|each)\s+(?:reports?|write-?ups?|papers?)$/i.test(`${masked.slice(Math.max(0, k.index - 5), k.index).trim().split(/\s+/).pop() ?? ''} ${masked.slice(k.index, k.end)}`))) {
        kinds = [{ kind: sectionKind, index: 0, end: 0 }];
      }
      const range = /\b(\d+)\s*[–-]\s*(\d+)\s*pages?\b/i.exec(sentence)?.[0];
      const limit = findPageLimit(sentence);
      const limitNotes = limit ? {} : findLimitNotes(sentence);
      const sections = findRequiredSections(sentence);
      const dates = findDates(masked);
      if (kinds.length === 0) {
        // Under a heading naming the deliverable, the first fact creates it.
        const target = current ? (drafts.get(current) ?? (current === sectionKind ? { d: { kind: current } as Draft } : undefined)) : undefined;
        // "A handout of 2 pages...", "Essay: due...": a sentence about something else is not about the deliverable before it.
        const subject = /^(?:a|an|the|each|every|your|one)\s+([a-z-]+)/i.exec(sentence)?.[1]?.toLowerCase();
        const label = /^([A-Z][\w -]{0,30}):\s/.exec(sentence)?.[1];
        const aboutIt =
          (subject === undefined || /^(?:report|paper|papers|write-?up|limit|page|pages|text|document|submission|main|body|length|appendix|appendices|references)$/.test(subject)) &&
          (label === undefined || /\b(?:due|deadlines?|length|limits?|pages?|sections?|format|submission|notes?)\b/i.test(label));
        if (target && aboutIt && range) target.range ??= range;
        const notes = limit ? {} : limitNotes;
        if (target && aboutIt && (limit || sections.length > 0 || ((notes.referencesCount !== undefined || notes.appendixCounts !== undefined) && target.d.pageLimit))) {
          drafts.set(target.d.kind, drafts.get(target.d.kind) ?? target);
          if (limit) setLimit(target.d, limit, sentence);
          else if (target.d.pageLimit) setLimit(target.d, notes, sentence);
          if (sections.length > 0) target.d.requiredSections ??= sections.map((t) => section(t, sentence));
          note(target.d, sentence);
        } else if (target && aboutIt && dates.length === 1 && dates[0] && due.test(sentence) && target.d.due === undefined && target.dateText === undefined) {
          // "Final report" on one line, "Due May 9." on the next.
          setDate(target.d.kind, dates[0], sentence);
        } else if (limit) unassigned.push(sentence);
        else if (dates.length > 0 && due.test(sentence)) unassigned.push(sentence);
        continue;
      }
      const informative = dates.length > 0 || limit || relatives.length > 0 || sections.length > 0;
      if (!informative && !(due.test(sentence) && kinds.length === 1)) {
        // A mention without facts (e.g. "the final report can overlap") only sets what follows refers to.
        current = kinds[0]?.kind;
        continue;
      }
      const subject = kinds[0];
      if (!subject) continue;
      current = subject.kind;
      // Pair dates and kinds: one date for every kind named, or each date with the nearest kind.
      const span = dateRange(masked, dates);
      if (span) {
        for (const k of kinds) setDate(k.kind, span, sentence);
      } else if (dates.length === 1 && dates[0]) {
        for (const k of kinds) setDate(k.kind, dates[0], sentence);
      } else {
        const paired = new Set<string>();
        for (const date of dates) {
          const nearest = [...kinds].sort((a, b) => Math.abs(a.index - date.index) - Math.abs(b.index - date.index))[0];
          if (nearest && !paired.has(nearest.kind)) {
            paired.add(nearest.kind);
            setDate(nearest.kind, date, sentence);
          } else if (due.test(sentence)) unassigned.push(`${date.text} (in: ${sentence})`);
        }
      }
      const e = entry(subject.kind);
      if (range) e.range ??= range;
      if (dates.length === 0 && relatives[0]) {
        e.relative ??= relatives[0].text;
        note(e.d, sentence);
      }
      if (limit) {
        setLimit(e.d, limit, sentence);
        note(e.d, sentence);
      }
      if (sections.length > 0) e.d.requiredSections ??= sections.map((t) => section(t, sentence));
      if (/\bPDF\b/.test(sentence) && !e.d.format) e.d.format = 'PDF';
      for (const k of kinds) entry(k.kind);
    }
  }

  const deliverables: Deliverable[] = [];
  for (const { d, dateText, relative, range } of drafts.values()) {
    const label = `deliverables[${deliverables.length}] (${d.kind})`;
    if (relative && !d.due) todo.push(`${label}: the page gives its date relative to something else ('${relative}'); set "due" (YYYY-MM-DD) once you know it`);
    else if (dateText) todo.push(`${label}: the page says '${dateText}' without a year; set "due" as YYYY-MM-DD (or pass --year)`);
    else if (!d.due) todo.push(`${label}: no due date found; add "due" (YYYY-MM-DD)`);
    const limit = d.pageLimit;
    if (limit && (limit.individual === undefined) !== (limit.team === undefined)) {
      todo.push(`${label}: the page gives a page limit for ${limit.individual === undefined ? 'teams' : 'individuals'} only; add "${limit.individual === undefined ? 'individual' : 'team'}" to "pageLimit" if there is one`);
    }
    if (range && !limit) todo.push(`${label}: the page gives a length range ('${range}'); set "pageLimit" yourself`);
    if (limit?.template && limit.template !== 'NeurIPS') todo.push(`${label}: the page asks for the ${limit.template} template; page estimates are made in the NeurIPS style`);
    deliverables.push({ ...d, ...(groupSize ? { groupSize } : {}) } as Deliverable);
  }
  if (deliverables.length === 0) todo.push('no deliverables found: add proposal/report entries with "due" dates to "deliverables"');
  for (const u of unassigned) todo.push(`${findDates(u).length > 0 ? 'a date' : 'a page limit'} with no deliverable next to it: ${u}`);
  return { deliverables, ...(groupSize ? { groupSize } : {}), todo };
}

/** "between 2 June and 27 June 2025", "from May 3 to May 7": two dates that make one span. */
function dateRange(sentence: string, dates: readonly FoundDate[]): { start: FoundDate; end: FoundDate } | undefined {
  if (dates.length !== 2) return undefined;
  const [start, end] = dates as [FoundDate, FoundDate];
  const between = sentence.slice(start.index + start.text.length, end.index);
  const before = sentence.slice(0, start.index);
  if (!/^\s*(?:and|to|until|till|through|[-–])\s*$/i.test(between) || !/\b(?:between|from)\s+(?:\w+,?\s+)?$/i.test(before)) return undefined;
  return { start, end };
}

function section(title: string, source: string): RequiredSection {
  const id = slug(title).replace(/\./g, '-');
  return { id: /^[a-z0-9]/.test(id) ? id : `section-${id}`, title, aliases: [title], source, severity: 'warning' };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
