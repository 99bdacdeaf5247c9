import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isWriteupCandidate } from '../../../src/core/lint/discover';

describe('isWriteupCandidate', () => {
  for (const [name, head, expected] of [
    ['proposal.md', '# Intro\n', true],
    ['/a/report-final.md', '', true],
    ['/a/README.md', '# Readme\n', false],
    ['/a/draft.md', '---\ntitle: X\ncourse: mit-18.408\n---\n', true],
    ['/a/draft.md', '---\ntitle: X\n---\n', false],
    ['/a/notes.md', 'text\n---\ncourse: x\n---\n', false],
    ['/a/main.tex', '% comment\n\\documentclass{article}\n', true],
    ['/a/sections/intro.tex', '\\section{Intro}\n', false],
    ['/a/old.tex', '% \\documentclass{article}\n', false],
    ['/a/report.txt', '', false],
  ] as const) {
    test(`${name} ${JSON.stringify(head.slice(0, 20))} -> ${expected}`, () => assert.equal(isWriteupCandidate(name, head), expected));
  }
});
