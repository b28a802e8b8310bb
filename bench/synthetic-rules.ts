import { RuleDefinition } from '../apps/routing/src/assignments/routing-decision';

/** Deterministic pseudo-random numbers, so every run measures the same rules and texts. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const SYLLABLES = ['жер', 'мал', 'құ', 'ба', 'ста', 'ни', 'ру', 'қа', 'зе', 'мел', 'тө', 'лем', 'ғы', 'до', 'ро', 'шы', 'ақ', 'ын'];
/** Words no rule uses: such appeals are checked against every rule and end at triage (the slow path). */
const OTHER_SYLLABLES = ['пэ', 'фю', 'цо', 'эх', 'юф', 'щи', 'йо'];
const ENDINGS = ['', 'ы', 'ның', 'ге', 'ого', 'ами', 'лар', 'ах', 'ін'];
const CATEGORIES = ['housing', 'land_architecture', 'agriculture', 'social_support', 'utilities', 'roads_transport', 'education', 'other'];
const CHANNELS = ['reception', 'walk_in', 'phone', 'online'];
export const BENCH_UNITS = ['housing-inspection', 'land-relations', 'agriculture-veterinary', 'employment-social', 'education'];

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const word = (random: () => number, syllables = 3, from = SYLLABLES) =>
  Array.from({ length: syllables }, () => pick(random, from)).join('');

/** `count` rules like an office would write: mostly keyword rules, some by category, channel or locality. */
export function syntheticRules(count: number, random = seededRandom(42)): RuleDefinition[] {
  return Array.from({ length: count }, (_, index) => {
    const kind = index % 10;
    return {
      id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      name: `Bench rule ${index}`,
      version: 1,
      priority: Math.floor(random() * 1000),
      enabled: random() > 0.05,
      categories: kind >= 7 ? [pick(random, CATEGORIES)] : [],
      localities: kind === 9 ? [word(random, 2)] : [],
      keywords: kind < 7 ? Array.from({ length: 2 + Math.floor(random() * 4) }, () => word(random, 2 + Math.floor(random() * 3))) : [],
      channels: kind === 8 ? [pick(random, CHANNELS)] : [],
      targetUnitCode: pick(random, BENCH_UNITS),
    };
  });
}

/** An appeal of 20–80 inflected words, in the made-up vocabulary the rules use, or in one they do not. */
export function syntheticAppeal(random: () => number, vocabulary: 'rules' | 'other' = 'rules') {
  const from = vocabulary === 'rules' ? SYLLABLES : OTHER_SYLLABLES;
  const words = Array.from(
    { length: 20 + Math.floor(random() * 60) },
    () => word(random, 1 + Math.floor(random() * 3), from) + pick(random, ENDINGS),
  );
  return {
    category: pick(random, CATEGORIES),
    channel: pick(random, CHANNELS),
    locality: random() > 0.5 ? `${word(random, 2, from)} ауылы` : undefined,
    text: words.join(' '),
  };
}
