#!/usr/bin/env python3
"""Merge looked-up paper metadata (facts.jsonl) into the bundled course packs.

Usage:  python3 scripts/pack-metadata/merge.py [--check]

facts.jsonl holds one JSON object per line: {"pack", "key" (the paper's key before
this merge), title, authors, year, venue, type, volume, number, pages, publisher,
doi, arxiv, url, aliases, sources [urls read], unverified [fields not confirmed],
note, replace, sameAs}.  Later lines for the same paper refine earlier ones
(list fields are unioned, scalars overridden); "replace": true starts the record
over; "sameAs": K marks the paper as a duplicate of pack paper K, to be merged
into it.  Nothing here is looked up: the facts file is the only input besides
the packs, so the result is deterministic and the script is idempotent (papers
are matched by key or by formerKeys).

Keys follow the scheme lowercase-ASCII(first author's last name) + year +
first significant title word, with b, c... on a clash.  A paper keeps its old
key when its first author, year or title is not confirmed.  Every key change is
recorded in the paper's `formerKeys` and in key-map.json, and every reference
to the old key inside the pack (`papers` arrays) is rewritten.
"""
import json
import os
import re
import sys
import unicodedata
from collections import OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..'))
PACK_DIR = os.path.join(ROOT, 'src', 'core', 'courses', 'packs')
PACKS = ['dl-theory-notes', 'mit-9.520-fall2024', 'mit-18.408', 'tum-dl-theory-2020']

STOPWORDS = set('''a an the on of to towards toward for in into and or with at by from via
is are be do does why what how when which who can we its it as'''.split())

PARTICLES = set('van von de der den da di del della le la du el al dos das ter ten'.split())

PREPRINT = re.compile(r'^https?://(www\.)?(arxiv\.org|biorxiv\.org)/')

SCALARS = ['title', 'year', 'venue', 'type', 'volume', 'number', 'pages', 'publisher',
           'doi', 'arxiv', 'url']
ORDER = ['key', 'formerKeys', 'title', 'authors', 'year', 'venue', 'type', 'volume', 'number',
         'pages', 'publisher', 'arxiv', 'doi', 'url', 'topic', 'subtopic', 'otherTopics',
         'label', 'aliases', 'context', 'etAl', 'titleUnverified', 'unverified',
         'metadataSource', 'metadataSources']


def load_facts():
    facts = OrderedDict()
    with open(os.path.join(HERE, 'facts.jsonl'), encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            o = json.loads(line)
            ident = (o.pop('pack'), o.pop('key'))
            if o.pop('replace', False) or ident not in facts:
                facts[ident] = {}
            cur = facts[ident]
            # A field this line gives is no longer unverified (unless the line says so).
            if 'unverified' in cur:
                cur['unverified'] = [u for u in cur['unverified'] if u not in o]
            for k, v in o.items():
                if k in ('unverified', 'aliases', 'sources') and k in cur:
                    cur[k] = cur[k] + [x for x in v if x not in cur[k]]
                elif v is None:
                    cur.pop(k, None)
                else:
                    cur[k] = v
    return facts


def ascii_fold(s):
    return unicodedata.normalize('NFKD', s).encode('ascii', 'ignore').decode('ascii')


def last_name(author):
    toks = [t for t in author.replace(',', ' ').split() if t]
    while len(toks) > 1 and re.fullmatch(r'(jr|sr|ii|iii|iv)\.?', toks[-1], re.I):
        toks.pop()
    if not toks:
        return ''
    last = toks[-1]
    # Family-name particles join the surname: "Laurent El Ghaoui" -> elghaoui.
    while len(toks) > 2 and toks[-2].lower() in PARTICLES:
        toks.pop()
        last = toks[-1] + last
    return re.sub(r'[^a-z0-9]', '', ascii_fold(last).lower())


def first_word(title):
    for w in re.split(r'[^a-z0-9]+', ascii_fold(title).lower()):
        if w and w not in STOPWORDS:
            return w
    return ''


def norm(s):
    return re.sub(r'[^a-z0-9]+', ' ', ascii_fold(s).lower()).strip()


def context_alias(ctx):
    m = re.fullmatch(r'\(([^()]{1,80})\)', (ctx or '').strip())
    if m and re.search(r'\b(19|20)\d{2}\b', m.group(1)):
        return re.sub(r'\s+', ' ', m.group(1)).strip()
    return None


def add_unique(lst, *items):
    for it in items:
        if it and it not in lst:
            lst.append(it)


def apply_facts(p, f):
    """Return the paper with facts f applied (p is not modified)."""
    q = dict(p)
    old_title = p.get('title', '')
    old_title_unverified = p.get('titleUnverified', False)
    unverified = list(f.get('unverified', []))
    for k in SCALARS:
        if k in f:
            q[k] = f[k]
    # The page's own link stays when it already points at the published version;
    # a preprint link (arXiv, bioRxiv) gives way to the published page (the arXiv id
    # stays in `arxiv`).
    if p.get('url') and 'url' in f and not PREPRINT.search(p['url']):
        q['url'] = p['url']
    if 'arxiv' in q:
        q['arxiv'] = re.sub(r'v\d+$', '', q['arxiv'])
    if f.get('authors'):
        q['authors'] = list(f['authors'])
        if 'authors' not in unverified:
            q.pop('etAl', None)
    if f.get('etAl') is False:
        q.pop('etAl', None)
    # A venue not confirmed by a page read is dropped (the old values were shorthands
    # such as `NeurIPS` or `arXiv`); an arXiv-only paper has no venue.
    if 'venue' not in f:
        q.pop('venue', None)
    if 'title' in f and 'title' not in unverified:
        q.pop('titleUnverified', None)
    if 'title' in unverified:
        q['titleUnverified'] = True
    aliases = list(p.get('aliases', []))
    add_unique(aliases, *f.get('aliases', []))
    if 'title' in f and not old_title_unverified and norm(old_title) != norm(f['title']):
        add_unique(aliases, old_title)
    add_unique(aliases, context_alias(p.get('context')))
    if q.get('label') in aliases:
        aliases.remove(q['label'])
    if aliases:
        q['aliases'] = aliases
    if unverified:
        q['unverified'] = unverified
    else:
        q.pop('unverified', None)
    sources = [s for s in f.get('sources', []) if s]
    q.pop('metadataSource', None)
    q.pop('metadataSources', None)
    if len(sources) == 1:
        q['metadataSource'] = sources[0]
    elif len(sources) > 1:
        q['metadataSources'] = sources
    return q


def wanted_key(q):
    """The scheme key, or None when first author, year or title is not confirmed."""
    unv = set(q.get('unverified', []))
    if not q.get('authors') or not q.get('year') or q.get('titleUnverified') or 'year' in unv or 'title' in unv:
        return None
    ln, w = last_name(q['authors'][0]), first_word(q['title'])
    if not ln or not w:
        return None
    return '%s%d%s' % (ln, q['year'], w)


def ordered(q):
    out = OrderedDict()
    for k in ORDER:
        if k in q:
            out[k] = q[k]
    for k in q:
        if k not in out:
            out[k] = q[k]
    return out


def rewrite_refs(node, keymap, in_papers=False):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == 'papers' and isinstance(v, list) and all(isinstance(x, str) for x in v):
                new = []
                for x in v:
                    add_unique(new, keymap.get(x, x))
                node[k] = new
            else:
                rewrite_refs(v, keymap)
    elif isinstance(node, list):
        for x in node:
            rewrite_refs(x, keymap)


def merge_pack(pack_id, facts):
    path = os.path.join(PACK_DIR, pack_id + '.json')
    with open(path, encoding='utf-8') as fh:
        text = fh.read()
    pack = json.loads(text, object_pairs_hook=OrderedDict)
    papers = pack['papers']

    def find(key):
        for i, p in enumerate(papers):
            if p['key'] == key or key in p.get('formerKeys', []):
                return i
        return None

    keymap = {}
    # 1. duplicates: fold the duplicate into its target.
    for (pk, fkey), f in facts.items():
        if pk != pack_id or 'sameAs' not in f:
            continue
        i, j = find(fkey), find(f['sameAs'])
        if i is None or j is None or i == j:
            continue
        dup, tgt = papers[i], dict(papers[j])
        topics = list(tgt.get('otherTopics', []))
        for t in [dup.get('topic')] + list(dup.get('otherTopics', [])):
            if t and t != tgt.get('topic'):
                add_unique(topics, t)
        if topics:
            tgt['otherTopics'] = topics
        aliases = list(tgt.get('aliases', []))
        add_unique(aliases, dup.get('label'), context_alias(dup.get('context')), *dup.get('aliases', []))
        if not dup.get('titleUnverified'):
            add_unique(aliases, dup.get('title'))
        aliases = [a for a in aliases if a != tgt.get('label') and norm(a) != norm(tgt.get('title', ''))]
        if aliases:
            tgt['aliases'] = aliases
        former = list(tgt.get('formerKeys', []))
        add_unique(former, dup['key'], *dup.get('formerKeys', []))
        tgt['formerKeys'] = former
        for fld in ('arxiv', 'url', 'doi'):
            if fld not in tgt and fld in dup:
                tgt[fld] = dup[fld]
        keymap[dup['key']] = tgt['key']
        papers[j] = tgt
        del papers[i]

    # 2. metadata.
    for (pk, fkey), f in facts.items():
        if pk != pack_id or 'sameAs' in f:
            continue
        i = find(fkey)
        if i is None:
            sys.exit('facts for %s/%s match no paper' % (pk, fkey))
        papers[i] = apply_facts(papers[i], f)

    # 3. keys: deterministic, in pack order; unchanged keys are reserved first.
    wanted = [wanted_key(p) for p in papers]
    taken = set(p['key'] for p, w in zip(papers, wanted) if w is None)
    for idx, (p, w) in enumerate(zip(papers, wanted)):
        if w is None:
            continue
        key, n = w, 0
        while key in taken:
            n += 1
            key = w + 'abcdefghijklmnopqrstuvwxyz'[n]
        taken.add(key)
        if key != p['key']:
            q = dict(p)
            former = list(q.get('formerKeys', []))
            add_unique(former, p['key'])
            if key in former:
                former.remove(key)
            if former:
                q['formerKeys'] = former
            else:
                q.pop('formerKeys', None)
            keymap[p['key']] = key
            q['key'] = key
            papers[idx] = q
    # Chains (a duplicate folded into a paper whose key then changed).
    for k in list(keymap):
        v = keymap[k]
        while v in keymap and keymap[v] != v:
            v = keymap[v]
        keymap[k] = v

    pack['papers'] = [ordered(p) for p in papers]
    rewrite_refs({k: v for k, v in pack.items() if k != 'papers'}, keymap)
    out = json.dumps(pack, ensure_ascii=False, indent=2) + '\n'
    return path, text, out, keymap


def main():
    check = '--check' in sys.argv
    facts = load_facts()
    allmaps = OrderedDict()
    changed = False
    for pack_id in PACKS:
        path, before, after, keymap = merge_pack(pack_id, facts)
        allmaps[pack_id] = OrderedDict(sorted(keymap.items()))
        if before != after:
            changed = True
            if not check:
                with open(path, 'w', encoding='utf-8') as fh:
                    fh.write(after)
    if check:
        print('packs would change' if changed else 'packs up to date')
        sys.exit(1 if changed else 0)
    # key-map.json accumulates: keys renamed in earlier runs stay listed.
    mpath = os.path.join(HERE, 'key-map.json')
    old = {}
    if os.path.exists(mpath):
        with open(mpath, encoding='utf-8') as fh:
            old = json.load(fh)
    for pid, m in allmaps.items():
        merged = OrderedDict(sorted({**old.get(pid, {}), **m}.items()))
        allmaps[pid] = merged
    with open(mpath, 'w', encoding='utf-8') as fh:
        fh.write(json.dumps(allmaps, ensure_ascii=False, indent=2) + '\n')
    for pid, m in allmaps.items():
        print(pid, len(m), 'keys renamed')


if __name__ == '__main__':
    main()
