import type { AnnualReport, AppealMeasures } from './dashboard-api';
import { annualReportCsv, BOM, csvField, ReportCsvLabels, reportFileName, toCsv } from './report-csv';

const measures = (over: Partial<AppealMeasures> = {}): AppealMeasures => ({
  registered: 10,
  routed: 9,
  reassigned: 1,
  briefAnswers: { onTime: 3, late: 1 },
  fullAnswers: { onTime: 0, late: 0 },
  deadlinesMissed: 2,
  openNow: 4,
  overdueNow: 1,
  hoursToBriefAnswer: { median: 20.5, p90: 60 },
  hoursToFullAnswer: { median: null, p90: null },
  satisfaction: { average: 4.25, distribution: { '1': 0, '2': 0, '3': 1, '4': 1, '5': 2 } },
  ...over,
});

const labels: ReportCsvLabels = {
  header: ['Раздел', 'Объект', 'Показатель', 'Значение'],
  section: (section) => `section:${section}`,
  total: 'Итого',
  measure: (key) => key,
  unitName: (code) => (code === 'housing' ? 'Отдел ЖКХ, "Жилищная инспекция"' : code),
  categoryName: (code) => `Санат ${code}`,
  sectorName: (code) => code,
  serviceName: (code) => code,
};

describe('csvField', () => {
  it('leaves plain text and numbers as they are', () => {
    expect(csvField('Қала')).toBe('Қала');
    expect(csvField(42)).toBe('42');
    expect(csvField(0.875)).toBe('0.875');
    expect(csvField(-3)).toBe('-3');
  });

  it('writes nothing for a missing figure', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('quotes commas, semicolons and line breaks', () => {
    expect(csvField('Атырау, Махамбет')).toBe('"Атырау, Махамбет"');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('first line\nsecond')).toBe('"first line\nsecond"');
    expect(csvField('windows\r\nline')).toBe('"windows\r\nline"');
  });

  it('doubles quotes inside a quoted field', () => {
    expect(csvField('ТОО "Жол"')).toBe('"ТОО ""Жол"""');
    expect(csvField('"')).toBe('""""');
  });

  it('keeps text that looks like a formula from running in a spreadsheet', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@SUM')).toBe("'@SUM");
  });
});

describe('toCsv', () => {
  it('starts with the UTF-8 byte order mark and ends rows with CRLF', () => {
    const csv = toCsv([
      ['a', 'b'],
      [1, 'x,y'],
    ]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toBe(`${BOM}a,b\r\n1,"x,y"\r\n`);
  });

  it('encodes to UTF-8 bytes EF BB BF first', () => {
    const bytes = new TextEncoder().encode(toCsv([['Өтініш']]));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe('annualReportCsv', () => {
  const report: AnnualReport = {
    year: 2026,
    from: '2025-12-31T19:00:00.000Z',
    to: '2026-12-31T19:00:00.000Z',
    appeals: measures(),
    appealsByUnit: [{ key: 'housing', ...measures({ registered: 7 }) }],
    appealsByCategory: [{ key: 'roads', ...measures({ registered: 3 }) }],
    services: { total: 5, bySector: [{ sector: 'self_service', total: 5, services: { eds: 3, certificate: 2 } }] },
  };
  const lines = annualReportCsv(report, labels).replace(BOM, '').split('\r\n');

  it('has the header row first, in the reader’s words', () => {
    expect(lines[0]).toBe('Раздел,Объект,Показатель,Значение');
  });

  it('has one line per figure, quoting names with commas and quotes', () => {
    expect(lines).toContain('section:appeals,Итого,registered,10');
    expect(lines).toContain('section:appeals,Итого,brief_on_time_rate,0.75');
    expect(lines).toContain('section:appeals,Итого,full_on_time_rate,');
    expect(lines).toContain('section:by_unit,"Отдел ЖКХ, ""Жилищная инспекция""",registered,7');
    expect(lines).toContain('section:by_category,Санат roads,registered,3');
    expect(lines).toContain('section:services,self_service,eds,3');
    expect(lines).toContain('section:services,Итого,Итого,5');
  });

  it('names the file after the year', () => {
    expect(reportFileName(2026)).toBe('akimat-report-2026.csv');
  });
});
