/**
 * In-process routing decisions per second with 500 rules (issue #5 target: ≥ 5,000/s).
 * Two mixes: texts in the rules' vocabulary (most decided by some rule) and texts no keyword
 * matches (every rule is tried; only category/channel rules can still fire, the rest go to triage).
 * Run: npm run bench:routing-decisions
 */
import { compileRoutingTable, decideRouting, RoutingTable } from '../apps/routing/src/assignments/routing-decision';
import { BENCH_UNITS, seededRandom, syntheticAppeal, syntheticRules } from './synthetic-rules';

const RULES = Number(process.env['BENCH_RULES'] ?? 500);
const DECISIONS = Number(process.env['BENCH_DECISIONS'] ?? 50_000);

function measure(table: RoutingTable, vocabulary: 'rules' | 'other') {
  const random = seededRandom(7);
  const appeals = Array.from({ length: 1_000 }, () => syntheticAppeal(random, vocabulary));
  for (const appeal of appeals) decideRouting(appeal, table); // warm-up
  let byRule = 0;
  const start = performance.now();
  for (let i = 0; i < DECISIONS; i++) {
    if (decideRouting(appeals[i % appeals.length], table).rule) byRule++;
  }
  const seconds = (performance.now() - start) / 1000;
  return {
    texts: vocabulary === 'rules' ? 'matching' : 'non-matching',
    decisions: DECISIONS,
    seconds: Number(seconds.toFixed(2)),
    decisionsPerSecond: Math.round(DECISIONS / seconds),
    microsecondsPerDecision: Number(((seconds * 1e6) / DECISIONS).toFixed(1)),
    decidedByARule: `${Math.round((100 * byRule) / DECISIONS)}%`,
  };
}

const compileStart = performance.now();
const table = compileRoutingTable(syntheticRules(RULES), [...BENCH_UNITS, 'triage'], 'triage');
console.log(JSON.stringify({ rules: RULES, compileMs: Math.round(performance.now() - compileStart) }));
console.log(JSON.stringify(measure(table, 'rules')));
console.log(JSON.stringify(measure(table, 'other')));
