import { suggestCourseId } from '../../courses/resolve';
import type { Report, Rule } from '../rule';
import { closest, metadataValueRange } from '../helpers';

/** YAML problems and unknown `course`/`kind`/`project` values in the front matter (or `% writeup:` lines). */
export const frontMatter: Rule = {
  id: 'front-matter',
  description: 'Broken YAML front matter, and `course`, `kind` or `project` values the course does not know (with a did-you-mean).',
  defaultSeverity: 'error',
  needsCourse: false,
  fixable: true,
  readerProblems: ['front-matter*', 'yaml*', 'metadata*'],
  messages: {
    reader: '{message}',
    unknownCourse: "Unknown course '{value}'{hint}",
    unknownKind: "Course {course} has no deliverable '{value}'; it has {kinds}{hint}",
    unknownProject: "Course {course} has no project type '{value}' for its {kind}; it has {types}{hint}",
  },
  docs: {
    details:
      'Reports the YAML errors the reader found in the front matter (located where the YAML parser stopped), and values ' +
      'the other checks depend on: a `course:` that is no known course id, a `kind:` that is not one of the course\'s ' +
      'deliverables, a `project:` that is not one of the deliverable\'s project types. In LaTeX the same values come from ' +
      '`% writeup: course=...` comments. Unknown values are never guessed silently: the course-specific rules do not run ' +
      'until the value is fixed.',
    enforces: 'No course sentence: it makes sure the course whose sentences the other rules enforce is the one meant.',
    fix: "Replaces the value with the closest known one, e.g. \"Change to 'mit-18.408'\".",
  },
  examples: {
    ok: [
      { title: 'A known course and kind', text: '---\ntitle: Margins\ncourse: mit-18.408\nkind: proposal\n---\n\n# Introduction\n\nText.\n' },
    ],
    notOk: [
      {
        title: 'A course id without its institution',
        text: '---\ntitle: Margins\ncourse: 18.408\nkind: proposal\n---\n\n# Introduction\n\nText.\n',
        problems: [{ messageId: 'unknownCourse', line: 2 }],
      },
      {
        title: 'A misspelt deliverable kind',
        text: '---\ntitle: Margins\ncourse: mit-18.408\nkind: reprot\n---\n\n# Introduction\n\nText.\n',
        problems: [{ messageId: 'unknownKind', line: 3 }],
      },
      {
        title: 'Broken YAML',
        text: '---\ntitle: [Margins\ncourse: mit-18.408\n---\n\n# Introduction\n\nText.\n',
        problems: [{ messageId: 'reader', line: 2 }],
      },
    ],
  },
  check({ writeup, courses, course, deliverable }) {
    const reports: Report[] = [];
    for (const problem of writeup.problems) {
      if (!frontMatter.readerProblems?.some((p) => problem.code.startsWith(p.replace(/\*$/, '')))) continue;
      reports.push({ messageId: 'reader', data: { message: problem.message }, range: problem.range, severity: problem.severity });
    }
    const meta = writeup.metadata;
    const change = (suggestion: string | undefined, range: ReturnType<typeof metadataValueRange>) =>
      suggestion && range ? [{ title: `Change to '${suggestion}'`, edits: [{ range, newText: suggestion }], preferred: true }] : [];
    const courseValue = meta.course?.trim();
    if (courseValue && courses.length > 0 && !courses.some((c) => c.id === courseValue)) {
      const suggestion = suggestCourseId(courseValue, courses);
      const range = metadataValueRange(writeup, 'course') ?? meta.range;
      const hint = suggestion ? `; did you mean '${suggestion}'?` : `; known courses: ${courses.map((c) => c.id).join(', ')}`;
      if (range) reports.push({ messageId: 'unknownCourse', data: { value: courseValue, hint }, range, fixes: change(suggestion, range) });
    }
    const kindValue = meta.kind?.trim();
    if (course && kindValue && course.deliverables.length > 0 && !course.deliverables.some((d) => d.kind.toLowerCase() === kindValue.toLowerCase())) {
      const kinds = course.deliverables.map((d) => d.kind);
      const suggestion = closest(kindValue, kinds);
      const range = metadataValueRange(writeup, 'kind') ?? meta.range;
      const data = { value: kindValue, course: course.id, kinds: kinds.join(', '), hint: suggestion ? `; did you mean '${suggestion}'?` : '' };
      if (range) reports.push({ messageId: 'unknownKind', data, range, fixes: change(suggestion, range) });
    }
    const projectValue = meta.projectType?.trim();
    const types = deliverable?.projectTypes ?? [];
    if (deliverable && projectValue && types.length > 0 && !types.some((t) => t.id.toLowerCase() === projectValue.toLowerCase())) {
      const ids = types.map((t) => t.id);
      const suggestion = closest(projectValue, ids);
      const range = metadataValueRange(writeup, 'project', 'projectType', 'project-type') ?? meta.range;
      const data = { value: projectValue, course: course?.id ?? '', kind: deliverable.kind, types: ids.join(', '), hint: suggestion ? `; did you mean '${suggestion}'?` : '' };
      if (range) reports.push({ messageId: 'unknownProject', data, range, fixes: change(suggestion, range) });
    }
    return reports;
  },
};
