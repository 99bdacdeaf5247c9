import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAuthors, readReference } from '../../../../src/core/courses/import/citations';
import { citationKey } from '../../../../src/core/courses/import/papers';

describe('parseAuthors and citationKey', () => {
  test('names with initials, particles, et al.; titles are not names', () => {
    assert.deepEqual(parseAuthors('Peter L. Bartlett, Nick Harvey, Chris Liaw, Abbas Mehrabian'), { authors: ['Peter L. Bartlett', 'Nick Harvey', 'Chris Liaw', 'Abbas Mehrabian'], etAl: false });
    assert.deepEqual(parseAuthors('Colin Wei and Tengyu Ma'), { authors: ['Colin Wei', 'Tengyu Ma'], etAl: false });
    assert.deepEqual(parseAuthors('Ruiqi Gao et al.'), { authors: ['Ruiqi Gao'], etAl: true });
    assert.deepEqual(parseAuthors('A. Jacot, F. Gabriel, and C. Hongler'), { authors: ['A. Jacot', 'F. Gabriel', 'C. Hongler'], etAl: false });
    assert.equal(parseAuthors('Going Beyond Two Layers, Allen-Zhu'), undefined);
    assert.equal(parseAuthors('a tight analysis of memorization capacity'), undefined);
  });
  test('keys: last name, year, first significant title word', () => {
    assert.equal(citationKey({ title: 'Spectrally-normalized Margin Bounds', authors: ['Peter L. Bartlett'], year: 2017 }), 'bartlett2017spectrally');
    assert.equal(citationKey({ title: 'On the Power of X', authors: ['Gilad Yehudai'], year: 2019 }), 'yehudai2019power');
    assert.equal(citationKey({ title: 'Deep double descent', authors: ['Nakkiran, P.'], year: 2020 }), 'nakkiran2020deep');
    assert.equal(citationKey({ title: 'arXiv:1806.07572', authors: [], arxiv: '1806.07572' }), 'arxiv1806.07572');
  });
});

describe('readReference: one reference in each common style', () => {
  const cases: [string, string, Record<string, unknown>][] = [
    [
      'APA',
      'Nagarajan, V., & Kolter, J. Z. (2019). Uniform convergence may be unable to explain generalization in deep learning. Advances in Neural Information Processing Systems, 32.',
      { title: 'Uniform convergence may be unable to explain generalization in deep learning', authors: ['Nagarajan, V.', 'Kolter, J. Z.'], year: 2019, venue: 'Advances in Neural Information Processing Systems' },
    ],
    [
      'ACM',
      'Jonathan Frankle and Michael Carbin. 2019. The Lottery Ticket Hypothesis: Finding Sparse, Trainable Neural Networks. In International Conference on Learning Representations.',
      { title: 'The Lottery Ticket Hypothesis: Finding Sparse, Trainable Neural Networks', authors: ['Jonathan Frankle', 'Michael Carbin'], year: 2019, venue: 'International Conference on Learning Representations' },
    ],
    [
      'IEEE',
      'D. Yarotsky, “Error bounds for approximations with deep ReLU networks,” Neural Networks, vol. 94, pp. 103–114, 2017.',
      { title: 'Error bounds for approximations with deep ReLU networks', authors: ['D. Yarotsky'], year: 2017, venue: 'Neural Networks' },
    ],
    [
      'Chicago',
      'Cybenko, George. "Approximation by Superpositions of a Sigmoidal Function." Mathematics of Control, Signals and Systems 2, no. 4 (1989): 303-314.',
      { title: 'Approximation by Superpositions of a Sigmoidal Function', authors: ['Cybenko, George'], year: 1989, venue: 'Mathematics of Control, Signals and Systems' },
    ],
    [
      'MLA',
      'Neyshabur, Behnam, et al. "Exploring Generalization in Deep Learning." Advances in Neural Information Processing Systems, vol. 30, 2017.',
      { title: 'Exploring Generalization in Deep Learning', authors: ['Neyshabur, Behnam'], etAl: true, year: 2017, venue: 'Advances in Neural Information Processing Systems' },
    ],
    [
      'Authors. Title. Venue, Year.',
      'Simon S. Du, Jason D. Lee, Haochuan Li, Liwei Wang, Xiyu Zhai. Gradient Descent Finds Global Minima of Deep Neural Networks. ICML, 2019.',
      { title: 'Gradient Descent Finds Global Minima of Deep Neural Networks', authors: ['Simon S. Du', 'Jason D. Lee', 'Haochuan Li', 'Liwei Wang', 'Xiyu Zhai'], year: 2019, venue: 'ICML' },
    ],
    [
      'Title. Authors, Venue Year',
      'Are ResNets Provably Better than Linear Predictors? Ohad Shamir. Neurips 2018',
      { title: 'Are ResNets Provably Better than Linear Predictors?', authors: ['Ohad Shamir'], year: 2018, venue: 'Neurips' },
    ],
    [
      'Nature',
      'LeCun, Y., Bengio, Y. & Hinton, G. Deep learning. Nature 521, 436–444 (2015).',
      { title: 'Deep learning', authors: ['LeCun, Y.', 'Bengio, Y.', 'Hinton, G.'], year: 2015, venue: 'Nature' },
    ],
    [
      'Vancouver-like author-year',
      'Saxe AM, McClelland JL, Ganguli S (2019) A mathematical theory of semantic development in deep neural networks. Proc Natl Acad Sci USA 116(23):11537–11546.',
      { title: 'A mathematical theory of semantic development in deep neural networks', authors: ['Saxe AM', 'McClelland JL', 'Ganguli S'], year: 2019, venue: 'Proc Natl Acad Sci USA' },
    ],
    ['a quoted title with surnames after it', '“Size-Independent Sample Complexity of Neural Networks”, Golowich, Rakhlin, Shamir.', { title: 'Size-Independent Sample Complexity of Neural Networks', authors: ['Golowich', 'Rakhlin', 'Shamir'] }],
  ];
  for (const [style, text, paper] of cases) test(style, () => assert.deepEqual(readReference(text), [paper]));

  test('a short title is not read as an author', () => {
    assert.deepEqual(readReference('Deep Double Descent. Preetum Nakkiran, Gal Kaplun. ICLR 2020.'), [{ title: 'Deep Double Descent', authors: ['Preetum Nakkiran', 'Gal Kaplun'], year: 2020, venue: 'ICLR' }]);
  });
  test('prose with a quoted phrase is not a reference', () => {
    assert.deepEqual(readReference('Harvard "Sister seminar": this seminar is coordinated with one at Harvard.'), []);
    assert.deepEqual(readReference('The proposal is due on March 3.'), []);
  });
});
