import { decideRouting, RoutingTable } from './routing-decision';

const table: RoutingTable = {
  knownUnitCodes: new Set(['chief-of-staff-triage', 'housing-inspection', 'education', 'rd-sarayshyk']),
  categoryRoutes: new Map([
    ['housing', 'housing-inspection'],
    ['education', 'education'],
    ['roads_transport', 'closed-unit'],
  ]),
  triageUnitCode: 'chief-of-staff-triage',
};

describe(decideRouting.name, () => {
  it.each([
    [{ category: 'housing' }, 'housing-inspection', 'category:housing'],
    [{ category: 'education' }, 'education', 'category:education'],
    [{ category: 'housing', preferredUnitCode: 'rd-sarayshyk' }, 'rd-sarayshyk', 'preferred-unit: chosen by the receiving official'],
    [{ category: 'health' }, 'chief-of-staff-triage', 'triage: no route for the category'],
    [{ category: 'roads_transport' }, 'chief-of-staff-triage', 'triage: no route for the category'],
    [{ category: 'housing', preferredUnitCode: 'no-such-unit' }, 'housing-inspection', 'category:housing'],
    [{ category: 'other', preferredUnitCode: 'no-such-unit' }, 'chief-of-staff-triage', 'triage: preferred unit "no-such-unit" is unknown'],
  ])('routes %j to %s', (input, unitCode, reason) => {
    expect(decideRouting(input, table)).toEqual({ unitCode, reason });
  });
});
