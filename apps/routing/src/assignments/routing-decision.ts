export interface RoutingInput {
  category: string;
  preferredUnitCode?: string;
}

export interface RoutingTable {
  knownUnitCodes: ReadonlySet<string>;
  categoryRoutes: ReadonlyMap<string, string>;
  triageUnitCode: string;
}

export interface RoutingDecision {
  unitCode: string;
  reason: string;
}

/**
 * The official's explicit choice wins when it names a known unit; then the category's unit;
 * whatever is left goes to the chief of staff's triage desk, so no appeal is ever unassigned.
 */
export function decideRouting(input: RoutingInput, table: RoutingTable): RoutingDecision {
  if (input.preferredUnitCode && table.knownUnitCodes.has(input.preferredUnitCode)) {
    return { unitCode: input.preferredUnitCode, reason: 'preferred-unit: chosen by the receiving official' };
  }
  const byCategory = table.categoryRoutes.get(input.category);
  if (byCategory && table.knownUnitCodes.has(byCategory)) {
    return { unitCode: byCategory, reason: `category:${input.category}` };
  }
  const why = input.preferredUnitCode ? `preferred unit "${input.preferredUnitCode}" is unknown` : 'no route for the category';
  return { unitCode: table.triageUnitCode, reason: `triage: ${why}` };
}
