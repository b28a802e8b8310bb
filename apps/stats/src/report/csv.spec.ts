import { toCsv } from './csv';

describe(toCsv.name, () => {
  it('ends every record with CRLF and leaves plain fields bare', () => {
    expect(
      toCsv([
        ['section', 'value'],
        ['services', 5712],
      ]),
    ).toBe('section,value\r\nservices,5712\r\n');
  });

  it('quotes fields with commas, quotes or line breaks and doubles the quotes', () => {
    expect(toCsv([['a,b', 'say "hi"', 'two\nlines', 'cr\r']])).toBe('"a,b","say ""hi""","two\nlines","cr\r"\r\n');
  });

  it('writes null and undefined as empty fields and keeps Kazakh text as is', () => {
    expect(toCsv([[null, undefined, 'Жер және сәулет']])).toBe(',,Жер және сәулет\r\n');
  });
});
