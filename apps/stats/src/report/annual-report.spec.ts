import { toAppealMeasures } from '../summary/appeal-measures';
import { toWalkInServices } from '../summary/walk-in-services';
import { AnnualReport, annualReportCsv } from './annual-report';
import { renderReportPage } from './report-page';

const report = (): AnnualReport => ({
  year: 2026,
  from: '2025-12-31T19:00:00.000Z',
  to: '2026-12-31T19:00:00.000Z',
  services: toWalkInServices([
    { sector: 'self_service', service: 'eds', n: '1553' },
    { sector: 'self_service', service: 'certificate', n: '1311' },
    { sector: 'housing', service: 'housing_advice', n: '1128' },
  ]),
  appeals: toAppealMeasures({ registered: '3', brief_on_time: '2', brief_late: '1', rating_average: '4.3333' }),
  appealsByUnit: [{ key: 'housing-inspection', ...toAppealMeasures({ registered: '3' }) }],
  appealsByCategory: [],
});

describe(annualReportCsv.name, () => {
  it('lists each service, each sector total and the grand total', () => {
    const csv = annualReportCsv(report());
    expect(csv.startsWith('section,key,item,value\r\n')).toBe(true);
    expect(csv).toContain('services,self_service,eds,1553\r\n');
    expect(csv).toContain('services,self_service,total,2864\r\n');
    expect(csv).toContain('services,total,,3992\r\n');
    expect(csv).toContain('appeals,total,brief_on_time_rate,0.667\r\n');
    expect(csv).toContain('appeals,total,satisfaction_average,4.33\r\n');
    expect(csv).toContain('appeals_by_unit,housing-inspection,registered,3\r\n');
  });
});

describe(renderReportPage.name, () => {
  it('draws the charts inline and loads nothing from the network', () => {
    const html = renderReportPage(report());
    expect(html).toContain('<svg');
    expect(html).toContain('Walk-in services: 3992');
    expect(html).not.toMatch(/<script|<link|<img|src=|url\(|https?:\/\//);
  });
});
