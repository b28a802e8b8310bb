import { RoutingRuleVersionEntity } from './routing-rule-version.entity';
import { RoutingRuleEntity } from './routing-rule.entity';

const conditions = (rule: RoutingRuleEntity | RoutingRuleVersionEntity) => ({
  name: rule.name,
  priority: rule.priority,
  enabled: rule.enabled,
  version: rule.version,
  categories: rule.categories,
  localities: rule.localities,
  keywords: rule.keywords,
  channels: rule.channels,
  targetUnitCode: rule.targetUnitCode,
});

export function toRuleView(rule: RoutingRuleEntity) {
  return { id: rule.id, ...conditions(rule), updatedAt: rule.updatedAt.toISOString() };
}

export function toRuleVersionView(version: RoutingRuleVersionEntity) {
  return { ...conditions(version), changedBy: version.changedBy, changedAt: version.changedAt.toISOString() };
}

export type RuleView = ReturnType<typeof toRuleView>;
