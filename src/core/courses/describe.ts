import type { CoursePack, Deliverable } from './types';

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2021-04-09` -> `Apr 9, 2021` (independent of the locale); other text is returned as is. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const month = months[Number(m[2]) - 1];
  return month ? `${month} ${Number(m[3])}, ${m[1]}` : iso;
}

/** `due Apr 9, 2021`, or `Jun 24, 2020 – Jun 26, 2020` for several days; undefined without a date. */
export function formatDue(deliverable: Deliverable): string | undefined {
  if (!deliverable.due) return undefined;
  return deliverable.dueEnd ? `${formatDate(deliverable.due)} – ${formatDate(deliverable.dueEnd)}` : formatDate(deliverable.due);
}

/** `5 pages individual / 8 pages team (neurips)`, or undefined when the course gives no limit. */
export function describePageLimit(d: Deliverable): string | undefined {
  const limit = d.pageLimit;
  if (!limit || (limit.individual === undefined && limit.team === undefined)) return undefined;
  const plural = (n: number) => `${n} page${n === 1 ? '' : 's'}`;
  const parts =
    limit.individual !== undefined && limit.team !== undefined && limit.individual === limit.team
      ? [plural(limit.individual)]
      : [
          ...(limit.individual !== undefined ? [`${plural(limit.individual)} individual`] : []),
          ...(limit.team !== undefined ? [`${plural(limit.team)} team`] : []),
        ];
  const refs = limit.referencesCount ? ', references count' : '';
  return `${parts.join(' / ')} (${limit.style ?? 'neurips'}${refs})`;
}

/** `groups of 1-4`, or undefined when the course says nothing. */
export function describeGroupSize(d: Deliverable): string | undefined {
  const g = d.groupSize;
  if (!g || (g.min === undefined && g.max === undefined)) return undefined;
  if (g.min !== undefined && g.max !== undefined) return g.min === g.max ? `groups of ${g.min}` : `groups of ${g.min}-${g.max}`;
  return g.max !== undefined ? `groups of up to ${g.max}` : `groups of at least ${g.min ?? 1}`;
}

/** One rule of a deliverable, with the course page's own words where the pack keeps them. */
export interface DeliverableRule {
  /** `Due`, `Page limit`, `Group size`, `Project types`, `Required section`, `Contribution`, `Note`. */
  readonly label: string;
  readonly text: string;
  /** The page's sentence, verbatim. */
  readonly source?: string;
}

/** Everything a course asks of one deliverable, in reading order (for tooltips and summaries). */
export function deliverableRules(deliverable: Deliverable): DeliverableRule[] {
  const rules: DeliverableRule[] = [];
  const due = formatDue(deliverable);
  if (due) {
    const how = [deliverable.submission && `via ${deliverable.submission}`, deliverable.format].filter(Boolean).join(', ');
    rules.push({ label: 'Due', text: how ? `${due} (${how})` : due });
  }
  const pages = describePageLimit(deliverable);
  if (pages) {
    const refs = deliverable.pageLimit?.referencesCount ? '' : ', references not counted';
    rules.push({ label: 'Page limit', text: `${pages}${refs}`, ...src(deliverable.pageLimit?.source) });
  }
  const group = describeGroupSize(deliverable);
  if (group) rules.push({ label: 'Group size', text: group, ...src(deliverable.groupSize?.source) });
  for (const type of deliverable.projectTypes ?? []) {
    const papers = type.papers ? ` (${type.papers.min ?? '?'}-${type.papers.max ?? '?'} papers)` : '';
    rules.push({ label: 'Project type', text: `${type.title}${papers}`, ...src(type.source) });
  }
  for (const section of deliverable.requiredSections ?? []) {
    const only = section.projectTypes?.length ? ` (${section.projectTypes.join(', ')} projects)` : '';
    rules.push({ label: 'Required section', text: `${section.title}${only}`, source: section.source });
  }
  if (deliverable.contributionRequired) {
    rules.push({ label: 'Contribution', text: 'state your own contribution', source: deliverable.contributionRequired.source });
  }
  return rules;
}

const src = (source: string | undefined): { source?: string } => (source ? { source } : {});

/** `18.408 · proposal · due Apr 9, 2021`: the short line of a status bar item. */
export function courseStatusText(course: CoursePack, deliverable: Deliverable | undefined, kind?: string): string {
  const name = course.shortName ?? course.id;
  if (!deliverable) return kind ? `${name} · ${kind}?` : name;
  const due = formatDue(deliverable);
  return [name, deliverable.kind, due ? `due ${due}` : undefined].filter(Boolean).join(' · ');
}

/** `MIT · Spring 2021 · proposal due Apr 9, 2021 · report due May 19, 2021`: a pack on one line. */
export function courseDetail(course: CoursePack): string {
  const parts: string[] = [course.institution, course.term].filter((x): x is string => Boolean(x));
  for (const d of course.deliverables) {
    const due = formatDue(d);
    parts.push(due ? `${d.kind} due ${due}` : d.kind);
  }
  if (course.deliverables.length === 0) parts.push(`reading list (${course.papers.length} papers)`);
  return parts.join(' · ');
}
