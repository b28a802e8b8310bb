/**
 * Keyword matching for Kazakh and Russian that tolerates word endings, without a stemmer
 * (no maintained one covers Kazakh). Text and keywords are NFC-normalised, lower-cased and split
 * into words; Kazakh-specific letters are folded to their Russian look-alikes (қ→к, ұ→у, і→и…) and
 * ё to е, because residents and staff often type Kazakh on a Russian keyboard. A keyword word of
 * n letters becomes a stem by dropping its last 0–3 letters (n ≤ 4: none; 5–6: one; 7–9: two;
 * 10+: three), and a text word matches when it starts with that stem: "земельный участок" matches
 * "земельного участка", "жер учаскесі" matches "жер учаскесін". A phrase matches consecutive words.
 */
const FOLDED: Readonly<Record<string, string>> = {
  ә: 'а',
  ғ: 'г',
  қ: 'к',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  һ: 'х',
  і: 'и',
  ё: 'е',
};
const FOLDABLE = /[әғқңөұүһіё]/g;
const WORD = /[\p{L}\p{N}]+/gu;

export interface Words {
  /** The text lower-cased, as written otherwise: matches are quoted back from it. */
  readonly lower: string;
  /** Each word folded: what matching compares. */
  readonly folded: readonly string[];
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

/** Folding maps one UTF-16 unit to one, so word offsets in the folded text hold in `lower` too. */
export function toWords(text: string): Words {
  const lower = text.normalize('NFC').toLowerCase();
  const foldedText = lower.replace(FOLDABLE, (letter) => FOLDED[letter] ?? letter);
  const folded: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (const match of foldedText.matchAll(WORD)) {
    folded.push(match[0]);
    starts.push(match.index);
    ends.push(match.index + match[0].length);
  }
  return { lower, folded, starts, ends };
}

export function stemOf(foldedWord: string): string {
  const n = foldedWord.length;
  const dropped = n <= 4 ? 0 : n <= 6 ? 1 : n <= 9 ? 2 : 3;
  return foldedWord.slice(0, n - dropped);
}

/** A keyword or locality name compiled once: the stems of its words. */
export interface Phrase {
  readonly text: string;
  readonly stems: readonly string[];
}

export function compilePhrase(text: string): Phrase {
  return { text, stems: toWords(text).folded.map(stemOf) };
}

/** Whether the phrase starts at word `at` (no allocation: this runs for every candidate keyword). */
export function matchesAt(phrase: Phrase, words: Words, at: number): boolean {
  if (phrase.stems.length === 0 || at + phrase.stems.length > words.folded.length) return false;
  for (let i = 0; i < phrase.stems.length; i++) {
    if (!words.folded[at + i].startsWith(phrase.stems[i])) return false;
  }
  return true;
}

/** The phrase as written in the text when it starts at word `at`, or undefined. */
export function phraseAt(phrase: Phrase, words: Words, at: number): string | undefined {
  if (!matchesAt(phrase, words, at)) return undefined;
  return words.lower.slice(words.starts[at], words.ends[at + phrase.stems.length - 1]);
}

/** The first place the phrase occurs in the words, as written, or undefined. */
export function findPhrase(phrase: Phrase, words: Words): string | undefined {
  for (let at = 0; at < words.folded.length; at++) {
    const found = phraseAt(phrase, words, at);
    if (found !== undefined) return found;
  }
  return undefined;
}
