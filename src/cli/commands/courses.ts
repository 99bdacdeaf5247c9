import { describeGroupSize, describePageLimit } from '../../core/courses/describe';
import { arxivOf, paperType } from '../../core/bib/bibtex';
import type { CoursePack, CoursePaper, Deliverable } from '../../core/courses/types';
import { type CliCommand, type CliIO, UsageError } from '../command';
import { parseCommandArgs } from '../args';
import { packsOption, packsUsage, readCliPacks } from '../packs';

/** The JSON summary of a deliverable: what `writeup courses --json` prints. */
function deliverableSummary(d: Deliverable) {
  return {
    kind: d.kind,
    ...(d.title !== undefined ? { title: d.title } : {}),
    ...(d.due !== undefined ? { due: d.due } : {}),
    ...(d.dueEnd !== undefined ? { dueEnd: d.dueEnd } : {}),
    ...(d.submission !== undefined ? { submission: d.submission } : {}),
    ...(d.format !== undefined ? { format: d.format } : {}),
    ...(d.pageLimit
      ? {
          pageLimit: {
            ...(d.pageLimit.individual !== undefined ? { individual: d.pageLimit.individual } : {}),
            ...(d.pageLimit.team !== undefined ? { team: d.pageLimit.team } : {}),
            style: d.pageLimit.style ?? 'neurips',
            referencesCount: d.pageLimit.referencesCount ?? false,
          },
        }
      : {}),
    ...(d.groupSize
      ? { groupSize: { ...(d.groupSize.min !== undefined ? { min: d.groupSize.min } : {}), ...(d.groupSize.max !== undefined ? { max: d.groupSize.max } : {}) } }
      : {}),
    ...(d.projectTypes ? { projectTypes: d.projectTypes.map((t) => ({ id: t.id, title: t.title, ...(t.papers ? { papers: t.papers } : {}) })) } : {}),
    requiredSections: (d.requiredSections ?? []).map((s) => ({
      id: s.id,
      title: s.title,
      severity: s.severity,
      ...(s.projectTypes ? { projectTypes: s.projectTypes } : {}),
    })),
    contributionRequired: d.contributionRequired !== undefined,
  };
}

/** The JSON summary of a paper: its bibliographic facts, authors as full names, where they were confirmed. */
export function paperSummary(paper: CoursePaper) {
  const arxiv = arxivOf(paper);
  return {
    key: paper.key,
    title: paper.title,
    authors: [...paper.authors],
    year: paper.year ?? null,
    venue: paper.venue ?? null,
    arxiv: arxiv ?? null,
    doi: paper.doi ?? null,
    url: paper.url ?? (arxiv ? `https://arxiv.org/abs/${arxiv}` : null),
    type: paperType(paper),
    ...(paper.volume !== undefined ? { volume: paper.volume } : {}),
    ...(paper.number !== undefined ? { number: paper.number } : {}),
    ...(paper.pages !== undefined ? { pages: paper.pages } : {}),
    ...(paper.publisher !== undefined ? { publisher: paper.publisher } : {}),
    ...(paper.topic !== undefined ? { topic: paper.topic } : {}),
    ...(paper.label !== undefined ? { label: paper.label } : {}),
    ...(paper.aliases !== undefined ? { aliases: [...paper.aliases] } : {}),
    ...(paper.formerKeys !== undefined ? { formerKeys: [...paper.formerKeys] } : {}),
    metadataSource: paper.metadataSource ?? null,
    ...(paper.metadataSources !== undefined ? { metadataSources: [...paper.metadataSources] } : {}),
    ...(paper.unverified !== undefined ? { unverified: [...paper.unverified] } : {}),
    ...(paper.titleUnverified ? { titleUnverified: true } : {}),
  };
}

/** The JSON summary of a pack. */
export function packSummary(pack: CoursePack, origin = 'bundled') {
  return {
    id: pack.id,
    title: pack.title,
    ...(pack.shortName !== undefined ? { shortName: pack.shortName } : {}),
    ...(pack.institution !== undefined ? { institution: pack.institution } : {}),
    ...(pack.term !== undefined ? { term: pack.term } : {}),
    ...(pack.instructor !== undefined ? { instructor: pack.instructor } : {}),
    ...(pack.url !== undefined ? { url: pack.url } : {}),
    source: origin,
    deliverables: pack.deliverables.map(deliverableSummary),
    paperCount: pack.papers.length,
    papers: pack.papers.map(paperSummary),
    suggestedProjectCount: pack.suggestedProjects?.length ?? 0,
  };
}

/** The readable listing of one pack. */
function packText(pack: CoursePack, origin: string): string {
  const about = [pack.institution, pack.term, pack.instructor].filter(Boolean).join(', ');
  const lines = [`${pack.id}  ${pack.title}`];
  const counts = `${pack.papers.length} paper${pack.papers.length === 1 ? '' : 's'}` +
    (pack.suggestedProjects?.length ? `, ${pack.suggestedProjects.length} suggested projects` : '');
  lines.push(`  ${[about, counts].filter(Boolean).join(' · ')}${origin === 'bundled' ? '' : ` · from ${origin}`}`);
  if (pack.deliverables.length === 0) lines.push('  (no deliverables: a reading list to cite from)');
  const width = Math.max(8, ...pack.deliverables.map((d) => d.kind.length));
  for (const d of pack.deliverables) {
    const due = d.due ? `due ${d.due}${d.dueEnd ? `..${d.dueEnd}` : ''}` : 'no date';
    const facts = [due, describePageLimit(d), describeGroupSize(d), d.format && !describePageLimit(d) ? d.format : undefined].filter(Boolean);
    lines.push(`  ${d.kind.padEnd(width)}  ${facts.join(' · ')}`);
    if (d.requiredSections?.length) {
      lines.push(`  ${''.padEnd(width)}  sections: ${d.requiredSections.map((s) => `${s.id} (${s.title})`).join(', ')}`);
    }
    if (d.contributionRequired) lines.push(`  ${''.padEnd(width)}  states its contribution`);
  }
  return lines.join('\n');
}

const usage = [
  'Usage: writeup courses [--json] [--packs FILE|DIR]...',
  '',
  'Lists the course packs: id, title, term, deliverables (due dates, page limits,',
  'group sizes, required sections) and the number of papers each lists.',
  '',
  'Options:',
  '  --json            print JSON: [{ id, title, term, deliverables: [...], paperCount, papers: [...] }]',
  '                    (papers: key, title, authors, year, venue, arxiv, doi, url, type, metadataSource)',
  packsUsage(20),
].join('\n');

/** `writeup courses`: the packs with their deliverables and paper counts. */
export const coursesCommand: CliCommand = {
  name: 'courses',
  summary: 'list the course packs with their deliverables and paper counts',
  usage,
  run(args: readonly string[], io: CliIO): number {
    const { values, positionals } = parseCommandArgs(args, {
      json: { type: 'boolean' },
      ...packsOption,
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const loaded = readCliPacks(values.packs, io);
    const origin = (id: string) => loaded.origins.get(id) ?? 'bundled';
    if (values.json) {
      io.stdout(`${JSON.stringify(loaded.packs.map((p) => packSummary(p, origin(p.id))), null, 2)}\n`);
    } else {
      io.stdout(`${loaded.packs.map((p) => packText(p, origin(p.id))).join('\n\n')}\n`);
    }
    return loaded.problems.some((p) => p.severity === 'error') ? 1 : 0;
  },
};
