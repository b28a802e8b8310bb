import { compilePhrase, findPhrase, matchesAt, Phrase, phraseAt, toWords, Words } from '../rules/phrase-matcher';

/** A routing rule as stored: every non-empty condition must hold; within one, any value will do. */
export interface RuleDefinition {
  id: string;
  name: string;
  version: number;
  /** Lower runs first. */
  priority: number;
  enabled: boolean;
  categories: readonly string[];
  /** Locality names (stems), matched against the appeal's locality like keywords. */
  localities: readonly string[];
  /** Kazakh or Russian words or phrases, matched in the appeal's text. */
  keywords: readonly string[];
  channels: readonly string[];
  targetUnitCode: string;
}

export interface RoutingInput {
  category: string;
  channel: string;
  text: string;
  locality?: string;
  preferredUnitCode?: string;
}

export interface RoutingDecision {
  unitCode: string;
  /** Why, in words: `preferred-unit: …`, `rule "<name>" v<n> matched …` or `triage: …`. */
  reason: string;
  rule?: { id: string; version: number; name: string };
}

interface CompiledRule {
  definition: RuleDefinition;
  categories: ReadonlySet<string>;
  channels: ReadonlySet<string>;
  localities: readonly Phrase[];
  hasKeywords: boolean;
}

interface KeywordEntry {
  ruleIndex: number;
  phrase: Phrase;
}

/** The rules prepared for fast decisions: sorted once, keywords indexed by their first stem. */
export interface RoutingTable {
  readonly activeUnitCodes: ReadonlySet<string>;
  readonly triageUnitCode: string;
  readonly rules: readonly CompiledRule[];
  readonly keywordsByFirstStem: ReadonlyMap<string, readonly KeywordEntry[]>;
}

const MAX_REASON_LENGTH = 500;

export function compileRoutingTable(
  definitions: readonly RuleDefinition[],
  activeUnitCodes: Iterable<string>,
  triageUnitCode: string,
): RoutingTable {
  const active = new Set(activeUnitCodes);
  const rules = definitions
    .filter((rule) => rule.enabled && active.has(rule.targetUnitCode))
    .sort((a, b) => a.priority - b.priority || a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
    .map((definition) => ({
      definition,
      categories: new Set(definition.categories),
      channels: new Set(definition.channels),
      localities: definition.localities.map(compilePhrase),
      hasKeywords: definition.keywords.length > 0,
    }));
  const keywordsByFirstStem = new Map<string, KeywordEntry[]>();
  rules.forEach((rule, ruleIndex) => {
    for (const keyword of rule.definition.keywords) {
      const phrase = compilePhrase(keyword);
      if (phrase.stems.length === 0) continue;
      const entries = keywordsByFirstStem.get(phrase.stems[0]) ?? [];
      entries.push({ ruleIndex, phrase });
      keywordsByFirstStem.set(phrase.stems[0], entries);
    }
  });
  return { activeUnitCodes: active, triageUnitCode, rules, keywordsByFirstStem };
}

/**
 * The receiving official's explicit choice wins when it names an active unit; otherwise the first
 * rule (by priority) whose conditions all hold; otherwise the chief of staff's triage desk, so no
 * appeal is ever left unassigned. Pure: the same input and table give the same decision.
 */
export function decideRouting(input: RoutingInput, table: RoutingTable): RoutingDecision {
  const preferred = input.preferredUnitCode;
  if (preferred && table.activeUnitCodes.has(preferred)) {
    return { unitCode: preferred, reason: `preferred-unit: "${preferred}" chosen by the receiving official` };
  }
  const words = toWords(input.text);
  const keywordHits = findKeywords(words, table);
  const locality = input.locality === undefined ? undefined : toWords(input.locality);
  for (const [index, rule] of table.rules.entries()) {
    const why = explainMatch(rule, input, locality, words, keywordHits.get(index));
    if (why === undefined) continue;
    const { id, version, name } = rule.definition;
    return {
      unitCode: rule.definition.targetUnitCode,
      reason: clip(`rule "${name}" v${version} matched ${why.join(', ')}`),
      rule: { id, version, name },
    };
  }
  const unknownPreferred = preferred ? `; preferred unit "${preferred}" is not an active unit` : '';
  return { unitCode: table.triageUnitCode, reason: clip(`triage: no rule matched${unknownPreferred}`) };
}

/** The conditions that held, in words, or undefined when one failed. */
function explainMatch(
  rule: CompiledRule,
  input: RoutingInput,
  locality: Words | undefined,
  text: Words,
  keywordHit: KeywordHit | undefined,
): string[] | undefined {
  const why: string[] = [];
  if (rule.hasKeywords) {
    if (keywordHit === undefined) return undefined;
    const found = phraseAt(keywordHit.phrase, text, keywordHit.at);
    why.push(`keyword "${keywordHit.phrase.text}" in the text ("${found}")`);
  }
  if (rule.categories.size > 0) {
    if (!rule.categories.has(input.category)) return undefined;
    why.push(`category "${input.category}"`);
  }
  if (rule.channels.size > 0) {
    if (!rule.channels.has(input.channel)) return undefined;
    why.push(`channel "${input.channel}"`);
  }
  if (rule.localities.length > 0) {
    const hit = locality && firstFound(rule.localities, locality);
    if (!hit) return undefined;
    why.push(`locality "${hit.phrase.text}" ("${hit.found}")`);
  }
  return why;
}

interface KeywordHit {
  phrase: Phrase;
  at: number;
}

/** For each rule with a keyword in the text, its first keyword found and where (explained only if it decides). */
function findKeywords(words: Words, table: RoutingTable): Map<number, KeywordHit> {
  const hits = new Map<number, KeywordHit>();
  if (table.keywordsByFirstStem.size === 0) return hits;
  for (let at = 0; at < words.folded.length; at++) {
    const word = words.folded[at];
    for (let length = 1; length <= word.length; length++) {
      const entries = table.keywordsByFirstStem.get(word.slice(0, length));
      if (!entries) continue;
      for (const { ruleIndex, phrase } of entries) {
        if (hits.has(ruleIndex)) continue;
        if (matchesAt(phrase, words, at)) hits.set(ruleIndex, { phrase, at });
      }
    }
  }
  return hits;
}

function firstFound(phrases: readonly Phrase[], words: Words): { phrase: Phrase; found: string } | undefined {
  for (const phrase of phrases) {
    const found = findPhrase(phrase, words);
    if (found !== undefined) return { phrase, found };
  }
  return undefined;
}

function clip(reason: string): string {
  return reason.length <= MAX_REASON_LENGTH ? reason : `${reason.slice(0, MAX_REASON_LENGTH - 1)}…`;
}
