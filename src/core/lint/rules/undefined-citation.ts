import { planAddPaper } from '../../bib/bibtex';
import { closeKeys, coursePaperForKey } from '../../bib/keys';
import { basenameOf, bibliographyPaths } from '../../text/paths';
import type { CoursePack } from '../../courses/types';
import type { Fix, Report, Rule, TextEdit } from '../rule';

/** A cited key that is not in the writeup's bibliography. */
export const undefinedCitation: Rule = {
  id: 'undefined-citation',
  description: "A cited key is not in the writeup's bibliography (.bib).",
  defaultSeverity: 'error',
  needsCourse: false,
  fixable: true,
  messages: {
    undefined: "Unknown citation key '{key}': it is not in {bib}",
    courseOnly: "'{key}' is on the {course} reading list but not in {bib}: add it to the bibliography",
  },
  docs: {
    details:
      'Reports every citation (`[@key]`, `@key`, `\\cite{key}`, `\\citep{key}`...) whose key is not defined in the ' +
      "writeup's bibliography: the files named by the front matter `bibliography:` or by `\\bibliography{}`/" +
      '`\\addbibresource{}`, else `references.bib` beside the writeup. pandoc and BibTeX print such a citation as ' +
      "`???` or the bare key, and the reference is missing from the bibliography.\n\n" +
      'Citations count wherever pandoc or LaTeX print them: captions, link text, table cells, footnotes, spans, divs, ' +
      'front matter `nocite:` and `\\nocite{key}`. A key defined by `\\bibitem` in the document\'s own `thebibliography` is defined. ' +
      'Only the .bib counts otherwise: a paper of a course reading list that is not in the .bib is still undefined (the quick fix adds it; ' +
      'a key the course pack used before, one of its `formerKeys`, finds the paper too). ' +
      'The rule is quiet when the bibliography is not known.',
    enforces: 'No course sentence: a course-free check that every citation resolves, run on every writeup.',
    fix:
      "\"Add '<title>' from <course> to references.bib\" when a course paper has this key (or a close one): appends a " +
      'complete BibTeX entry for its type (`@inproceedings` with `booktitle`, `@article` with `journal`, `@misc` for a preprint; ' +
      '`author = {Last, First and ...}`, protected capitals, year, arXiv eprint, DOI, URL) to the end of the .bib without ' +
      'touching anything already there (creating the file, and the ' +
      "front matter `bibliography:` line, if missing). \"Change to '<key>'\" for keys of the .bib that differ by a typo.",
  },
  examples: {
    ok: [
      {
        title: 'Every cited key is in the .bib',
        text: 'We follow [@bartlett2017spectrally; @golowich2018size].\n',
        context: { bibKeys: ['bartlett2017spectrally', 'golowich2018size'] },
      },
      {
        title: 'A key defined by the document\'s own \\bibitem',
        format: 'latex',
        text: '\\documentclass{article}\n\\begin{document}\nSee \\cite{doe2020}.\n\\begin{thebibliography}{1}\n\\bibitem{doe2020} J. Doe. A title. 2020.\n\\end{thebibliography}\n\\end{document}\n',
        context: { bibKeys: [] },
      },
      {
        title: 'LaTeX citations defined in the .bib',
        format: 'latex',
        text: '\\documentclass{article}\n\\begin{document}\nAs shown by \\citet{bartlett2017spectrally}.\n\\end{document}\n',
        context: { bibKeys: ['bartlett2017spectrally'] },
      },
    ],
    notOk: [
      {
        title: 'A typo in a key',
        text: 'We follow [@bartlet2017spectrally].\n',
        context: { bibKeys: ['bartlett2017spectrally'] },
        problems: [{ messageId: 'undefined', line: 0 }],
      },
      {
        title: 'A paper of the course reading list that is not in the .bib yet',
        text: '---\ncourse: mit-18.408\n---\n\nSee [@golowich2018size].\n',
        context: { bibKeys: [] },
        problems: [{ messageId: 'courseOnly', line: 4 }],
      },
      {
        title: 'An unknown key in a figure caption',
        text: '![Margins as in [@nobody2020].](margins.png)\n',
        context: { bibKeys: ['bartlett2017spectrally'] },
        problems: [{ messageId: 'undefined', line: 0 }],
      },
      {
        title: 'An unknown key in LaTeX',
        format: 'latex',
        text: '\\documentclass{article}\n\\begin{document}\nAs in \\citep[Thm.~1]{nobody2020}.\n\\end{document}\n',
        context: { bibKeys: ['bartlett2017spectrally'] },
        problems: [{ messageId: 'undefined', line: 2 }],
      },
    ],
  },
  check({ writeup, bib, course, courses }) {
    if (!bib) return [];
    const target = bib.files[0]?.file ?? bibliographyPaths(writeup)[0];
    const bibName = target ? basenameOf(target) : 'the bibliography';
    const bibText = bib.files[0]?.text;
    const packs: CoursePack[] = course ? [course, ...courses.filter((p) => p.id !== course.id)] : [...courses];
    const keys = [...new Set([...bib.entries()].map((e) => e.key))];
    const reports: Report[] = [];
    const ownItems = new Set((writeup.bibItems ?? []).map((b) => b.key));
    for (const citation of writeup.citations) {
      if (bib.has(citation.key) || ownItems.has(citation.key)) continue;
      const fixes: Fix[] = [];
      const match = coursePaperForKey(citation.key, packs);
      if (match && match.paper.key !== citation.key && bib.has(match.paper.key)) {
        // The paper is in the .bib under its current key (the citation uses a former key or a typo of it).
        fixes.push({ title: `Change to '${match.paper.key}'`, edits: [{ range: citation.range, newText: match.paper.key }], preferred: true });
      } else if (match && target) {
        const plan = planAddPaper(writeup, target, bib.files[0] ? bibText ?? '' : undefined, match.paper);
        const edits: TextEdit[] = [...plan.edits];
        if (plan.key !== citation.key) edits.push({ range: citation.range, newText: plan.key });
        fixes.push({
          title: `Add '${match.paper.title}' from ${match.pack.shortName ?? match.pack.id} to ${basenameOf(plan.bibFile)}`,
          edits,
          preferred: match.exact,
        });
      }
      for (const key of closeKeys(citation.key, keys)) {
        if (fixes.some((f) => f.title === `Change to '${key}'`)) continue;
        fixes.push({ title: `Change to '${key}'`, edits: [{ range: citation.range, newText: key }], ...(fixes.length === 0 ? { preferred: true } : {}) });
      }
      const onList = match?.exact === true;
      reports.push({
        messageId: onList ? 'courseOnly' : 'undefined',
        data: { key: citation.key, bib: bibName, ...(onList ? { course: match.pack.shortName ?? match.pack.id } : {}) },
        range: citation.range,
        fixes,
      });
    }
    return reports;
  },
};
