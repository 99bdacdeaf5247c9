/**
 * A deterministic .bib generator for the citation benchmarks (not a case itself: the leading `_`).
 * Same seed, same file: entries of several types with `Last, First` author lists, accents,
 * nested braces, `@string` macros, `#` concatenation and comments, like real .bib files.
 */

import { prng } from '../generate';

const FAMILY = ['Bartlett', 'Foster', 'Telgarsky', 'Golowich', 'Rakhlin', 'Shamir', 'Arora', 'Du', 'Hu', 'Li', 'Yang', 'Safran', 'Eldan', 'Cohen', 'Sharir', 'Shashua', 'Allen-Zhu', 'Liang', 'Goel', 'Klivans', 'Ge', 'Wang', 'Razin', 'M{\\"u}ller', 'Erd{\\H{o}}s', 'Schmidt-Hieber', 'de Bruijn', 'Poggio', 'Belkin', 'Montanari'];
const GIVEN = ['Peter L.', 'Dylan J.', 'Matus', 'Noah', 'Alexander', 'Ohad', 'Sanjeev', 'Simon S.', 'Wei', 'Zhiyuan', 'Greg', 'Itay', 'Ronen', 'Nadav', 'Or', 'Amnon', 'Zeyuan', 'Yingyu', 'Surbhi', 'Adam', 'Rong', 'Ruosong', 'Noam', 'J{\\"o}rg', 'Andr{\\\'e}', 'Johannes', 'Tomaso', 'Mikhail', 'Andrea'];
const WORDS = ['spectrally', 'normalized', 'margin', 'bounds', 'neural', 'networks', 'size-independent', 'sample', 'complexity', 'exact', 'computation', 'infinitely', 'wide', 'tensor', 'programs', 'depth', 'separations', 'expressive', 'power', 'learning', 'generalization', 'overparameterized', 'implicit', 'regularization', 'gradient', 'descent', 'kernel', 'benign', 'overfitting', 'double', 'descent', 'mean-field', 'optimization', 'landscape', 'approximation', '{ReLU}', '{G}aussian', 'stochastic', 'convergence', 'robustness'];
const VENUES = ['nips', 'icml', 'colt', 'iclr'];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

/** A .bib text with `entries` entries (about 300 bytes each). */
export function generateBib(entries = 10_000, seed = 408): string {
  const rand = prng(seed);
  const out: string[] = [
    '% Generated for the citation benchmarks.',
    '@string{nips = "Advances in Neural " # "Information Processing Systems"}',
    '@string{icml = {International Conference on Machine Learning}}',
    '@string{colt = {Conference on Learning Theory}}',
    '@string{iclr = {International Conference on Learning Representations}}',
    '@preamble{"\\providecommand{\\noopsort}[1]{}"}',
    '',
  ];
  for (let i = 0; i < entries; i++) {
    const n = 1 + Math.floor(rand() * 4);
    const authors = Array.from({ length: n }, () => `${pick(rand, FAMILY)}, ${pick(rand, GIVEN)}`);
    const words = Array.from({ length: 4 + Math.floor(rand() * 6) }, () => pick(rand, WORDS));
    const title = words.join(' ').replace(/^./, (c) => c.toUpperCase());
    const year = 1990 + Math.floor(rand() * 35);
    const first = (FAMILY.indexOf(authors[0]?.split(',')[0] ?? '') + 1).toString(36);
    const key = `a${first}${year}${words[0]?.replace(/[^a-z]/g, '') ?? ''}${i}`;
    const kind = rand();
    if (i % 500 === 250) out.push(`@comment{entry ${i} was checked by hand}`);
    if (kind < 0.5) {
      out.push(
        `@inproceedings{${key},\n  author    = {${authors.join(' and ')}},\n  title     = {${title}},\n  booktitle = ${pick(rand, VENUES)},\n  year      = {${year}},\n  pages     = {${i % 900}--${(i % 900) + 12}},\n}\n`,
      );
    } else if (kind < 0.8) {
      out.push(
        `@article{${key},\n  author  = "${authors.join(' and ')}",\n  title   = "{${title}}",\n  journal = {Journal of Machine Learning Research},\n  volume  = ${1 + (i % 25)},\n  number  = {${1 + (i % 4)}},\n  year    = ${year},\n  doi     = {10.5555/${1000 + i}}\n}\n`,
      );
    } else {
      out.push(
        `@misc{${key},\n  author        = {${authors.join(' and ')}},\n  title         = {${title}},\n  year          = {${year}},\n  eprint        = {${(year % 100).toString().padStart(2, '0')}${String(1 + (i % 12)).padStart(2, '0')}.${String(10000 + i).slice(-5)}},\n  archivePrefix = {arXiv},\n  url           = {https://arxiv.org/abs/${i}}\n}\n`,
      );
    }
  }
  return out.join('\n');
}
