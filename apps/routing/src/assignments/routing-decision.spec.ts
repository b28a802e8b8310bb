import { compileRoutingTable, decideRouting, RoutingInput, RuleDefinition } from './routing-decision';

let sequence = 0;
function rule(overrides: Partial<RuleDefinition> & Pick<RuleDefinition, 'name' | 'targetUnitCode'>): RuleDefinition {
  sequence += 1;
  return {
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    version: 1,
    priority: 100,
    enabled: true,
    categories: [],
    localities: [],
    keywords: [],
    channels: [],
    ...overrides,
  };
}

const rules = [
  rule({
    name: 'Social keywords',
    priority: 10,
    keywords: ['малоимущ', 'жәрдемақы', 'пособие'],
    targetUnitCode: 'employment-social',
  }),
  rule({
    name: 'Land keywords',
    priority: 20,
    version: 2,
    keywords: ['жер учаскесі', 'земельный участок'],
    targetUnitCode: 'land-relations',
  }),
  rule({
    name: 'Livestock keywords',
    priority: 30,
    keywords: ['мал', 'скот', 'ветеринар'],
    targetUnitCode: 'agriculture-veterinary',
  }),
  rule({ name: 'Beybarys', priority: 40, localities: ['Бейбарыс'], targetUnitCode: 'rd-beybarys' }),
  rule({
    name: 'Phoned-in roads',
    priority: 50,
    categories: ['roads_transport'],
    channels: ['phone'],
    targetUnitCode: 'housing-communal-roads',
  }),
  rule({ name: 'Switched off', priority: 1, keywords: ['шатыр'], enabled: false, targetUnitCode: 'education' }),
  rule({ name: 'Closed unit', priority: 2, categories: ['utilities'], targetUnitCode: 'closed-unit' }),
  rule({ name: 'Category housing', priority: 100, categories: ['housing'], targetUnitCode: 'housing-inspection' }),
  rule({
    name: 'Category utilities',
    priority: 100,
    categories: ['utilities'],
    targetUnitCode: 'housing-communal-roads',
  }),
];
const active = [
  'chief-of-staff-triage',
  'employment-social',
  'land-relations',
  'agriculture-veterinary',
  'rd-beybarys',
  'rd-sarayshyk',
  'housing-communal-roads',
  'education',
  'housing-inspection',
];
const table = compileRoutingTable(rules, active, 'chief-of-staff-triage');

const appeal = (overrides: Partial<RoutingInput>): RoutingInput => ({
  category: 'other',
  channel: 'reception',
  text: 'Өтініш',
  ...overrides,
});

describe(decideRouting.name, () => {
  it.each<[string, Partial<RoutingInput>, string, string]>([
    [
      'kk keyword phrase, ending changed',
      { text: 'Менің жер учаскесімді тіркеу керек' },
      'land-relations',
      'rule "Land keywords" v2 matched keyword "жер учаскесі" in the text ("жер учаскесімді")',
    ],
    [
      'ru keyword phrase, inflected',
      { text: 'Прошу выделить ЗЕМЕЛЬНОГО участка под ИЖС' },
      'land-relations',
      'rule "Land keywords" v2 matched keyword "земельный участок" in the text ("земельного участка")',
    ],
    [
      'kk typed on a Russian keyboard',
      { text: 'жер учаскеси бойынша' },
      'land-relations',
      'rule "Land keywords" v2 matched keyword "жер учаскесі" in the text ("жер учаскеси")',
    ],
    [
      'kk livestock stem',
      { text: 'Малымыз ауырып жатыр' },
      'agriculture-veterinary',
      'rule "Livestock keywords" v1 matched keyword "мал" in the text ("малымыз")',
    ],
    [
      'ru livestock',
      { text: 'Скота много, нужен ветеринарный осмотр' },
      'agriculture-veterinary',
      'rule "Livestock keywords" v1 matched keyword "скот" in the text ("скота")',
    ],
    [
      'priority: social before the broader livestock stem',
      { text: 'Малоимущая семья просит помощи' },
      'employment-social',
      'rule "Social keywords" v1 matched keyword "малоимущ" in the text ("малоимущая")',
    ],
    [
      'priority: land before livestock when both occur',
      { text: 'Мал жайылатын жер учаскесі' },
      'land-relations',
      'rule "Land keywords" v2 matched keyword "жер учаскесі" in the text ("жер учаскесі")',
    ],
    [
      'locality condition',
      { locality: 'Бейбарыс ауылдық округі', category: 'housing' },
      'rd-beybarys',
      'rule "Beybarys" v1 matched locality "Бейбарыс" ("бейбарыс")',
    ],
    [
      'locality written in Russian',
      { locality: 'с. Бейбарыс' },
      'rd-beybarys',
      'rule "Beybarys" v1 matched locality "Бейбарыс" ("бейбарыс")',
    ],
    [
      'category and channel both hold',
      { category: 'roads_transport', channel: 'phone' },
      'housing-communal-roads',
      'rule "Phoned-in roads" v1 matched category "roads_transport", channel "phone"',
    ],
    [
      'channel fails, no other rule',
      { category: 'roads_transport', channel: 'online' },
      'chief-of-staff-triage',
      'triage: no rule matched',
    ],
    [
      'disabled rule is skipped',
      { category: 'housing', text: 'Шатыр ағып тұр' },
      'housing-inspection',
      'rule "Category housing" v1 matched category "housing"',
    ],
    [
      'rule to an inactive unit is skipped',
      { category: 'utilities' },
      'housing-communal-roads',
      'rule "Category utilities" v1 matched category "utilities"',
    ],
    [
      'explicit choice wins over every rule',
      { text: 'жер учаскесі', preferredUnitCode: 'rd-sarayshyk' },
      'rd-sarayshyk',
      'preferred-unit: "rd-sarayshyk" chosen by the receiving official',
    ],
    [
      'unknown explicit choice falls back to rules',
      { category: 'housing', preferredUnitCode: 'no-such-unit' },
      'housing-inspection',
      'rule "Category housing" v1 matched category "housing"',
    ],
    ['no match goes to triage', { text: 'Басқа мәселе' }, 'chief-of-staff-triage', 'triage: no rule matched'],
    [
      'no match with unknown choice says so',
      { preferredUnitCode: 'no-such-unit' },
      'chief-of-staff-triage',
      'triage: no rule matched; preferred unit "no-such-unit" is not an active unit',
    ],
    [
      'a word merely sharing letters does not match',
      { text: 'Жел соғып тұр, скорая не приехала' },
      'chief-of-staff-triage',
      'triage: no rule matched',
    ],
  ])('%s', (_, input, unitCode, reason) => {
    expect(decideRouting(appeal(input), table)).toMatchObject({ unitCode, reason });
  });

  it('cites the rule id and version that decided', () => {
    const land = rules[1];
    expect(decideRouting(appeal({ text: 'земельный участок' }), table).rule).toEqual({
      id: land.id,
      version: 2,
      name: 'Land keywords',
    });
    expect(decideRouting(appeal({}), table).rule).toBeUndefined();
  });

  it('breaks priority ties by name, so every instance decides alike', () => {
    const tied = compileRoutingTable(
      [
        rule({ name: 'B', categories: ['x'], targetUnitCode: 'education' }),
        rule({ name: 'A', categories: ['x'], targetUnitCode: 'rd-sarayshyk' }),
      ],
      active,
      'chief-of-staff-triage',
    );
    expect(decideRouting(appeal({ category: 'x' }), tied).unitCode).toBe('rd-sarayshyk');
  });

  it('keeps the reason within the event limit', () => {
    const long = compileRoutingTable(
      [rule({ name: 'x'.repeat(200), keywords: ['я'.repeat(400)], targetUnitCode: 'education' })],
      active,
      't',
    );
    expect(decideRouting(appeal({ text: 'я'.repeat(400) }), long).reason.length).toBeLessThanOrEqual(500);
  });
});
