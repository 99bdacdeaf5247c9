import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { authorYear, formatReference, formatReferenceCsl, referenceLinks, referenceOfEntry, referenceOfPaper, toCsl } from '../../../src/core/bib/format';
import { parseBib } from '../../../src/core/bib/parse';
import { paperPack } from '../../fakes/paperPack';

const entries = parseBib(
  `@inproceedings{golowich2018size,
  author = {Golowich, Noah and Rakhlin, Alexander and Shamir, Ohad},
  title = {Size-Independent Sample Complexity of Neural Networks},
  booktitle = {Conference on Learning Theory}, pages = {297--299}, year = {2018},
  eprint = {1712.06541}, archivePrefix = {arXiv}
}
@book{shalev2014understanding,
  author = {Shalev-Shwartz, Shai and Ben-David, Shai},
  title = {Understanding Machine Learning}, publisher = {Cambridge University Press}, year = {2014}
}
@phdthesis{doe2020margins, author = {Doe, Jane and others}, title = {Margins}, school = {MIT}, year = {2020}}
@article{bartlett2021deep, author = {Bartlett, Peter L.}, title = {Deep learning: a statistical viewpoint},
  journal = {Acta Numerica}, volume = {30}, pages = {87--201}, year = {2021}, doi = {10.1017/S0962492921000027}}
`,
  '/w/references.bib',
).entries.map(referenceOfEntry);
const [paper, book, thesis, article] = entries;

describe('references', () => {
  test('the plain reference: APA-like names, year, title, venue with volume and pages, DOI or arXiv', () => {
    assert.ok(paper && book && thesis && article);
    assert.equal(formatReference(paper), 'Golowich, N., Rakhlin, A., & Shamir, O. (2018). Size-Independent Sample Complexity of Neural Networks. Conference on Learning Theory, 297–299. arXiv:1712.06541');
    assert.equal(formatReference(article), 'Bartlett, P. L. (2021). Deep learning: a statistical viewpoint. Acta Numerica, 30, 87–201. https://doi.org/10.1017/S0962492921000027');
    assert.equal(formatReference(thesis), 'Doe, J., et al. (2020). Margins. MIT.');
    assert.equal(authorYear(paper), 'Golowich et al., 2018');
  });

  test('CSL data: a paper sits in its proceedings; a book names its publisher and a thesis its school, never "In ..."', () => {
    assert.ok(paper && book && thesis);
    assert.equal(toCsl(paper)['container-title'], 'Conference on Learning Theory');
    assert.equal(toCsl(paper).type, 'paper-conference');
    assert.deepEqual([toCsl(book)['container-title'], toCsl(book).publisher], [undefined, 'Cambridge University Press']);
    assert.deepEqual([toCsl(thesis).type, toCsl(thesis)['container-title'], toCsl(thesis).publisher], ['thesis', undefined, 'MIT']);
  });

  test('citation-js formats the APA reference: the arXiv id as a link, a book without "In"', async () => {
    assert.ok(paper && book);
    assert.equal(
      await formatReferenceCsl(paper),
      'Golowich, N., Rakhlin, A., & Shamir, O. (2018). Size-Independent Sample Complexity of Neural Networks. Conference on Learning Theory, 297–299. https://arxiv.org/abs/1712.06541',
    );
    assert.equal(await formatReferenceCsl(book), 'Shalev-Shwartz, S., & Ben-David, S. (2014). Understanding Machine Learning. Cambridge University Press.');
  });

  test('links: arXiv and DOI, web addresses only', () => {
    assert.ok(paper && article);
    assert.deepEqual(referenceLinks(paper), [{ label: 'arXiv:1712.06541', url: 'https://arxiv.org/abs/1712.06541' }]);
    assert.deepEqual(referenceLinks({ ...article, url: 'javascript:alert(1)' }), [{ label: 'doi:10.1017/S0962492921000027', url: 'https://doi.org/10.1017/S0962492921000027' }]);
  });
});

describe('references of course papers with full metadata', () => {
  test('APA names keep particles and suffixes; journal volume, issue and pages come from the pack', () => {
    assert.equal(
      formatReference(referenceOfPaper({ key: 'k', title: 'T', authors: ['Guy L. Steele Jr.', 'Twan van Laarhoven'], year: 2000 })),
      'Steele, G. L., Jr., & van Laarhoven, T. (2000). T.',
    );
    const belkin = paperPack.papers.find((p) => p.key === 'belkin2019reconciling');
    assert.ok(belkin);
    assert.match(formatReference(referenceOfPaper(belkin)), /^Belkin, M\., Hsu, D\., Ma, S\., & Mandal, S\. \(2019\)\. .*Proceedings of the National Academy of Sciences, 116\(32\), 15849–15854\./);
  });
});
