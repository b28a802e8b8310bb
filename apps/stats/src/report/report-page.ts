import { AnnualReport } from './annual-report';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

interface Bar {
  label: string;
  value: number;
}

/** Horizontal bars drawn on the server: the page loads nothing from the network. */
export function svgBars(bars: Bar[], width = 560): string {
  const rowHeight = 24;
  const labelWidth = 200;
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const rows = bars.map((bar, i) => {
    const y = i * rowHeight;
    const length = Math.round(((width - labelWidth - 60) * bar.value) / max);
    return (
      `<text x="0" y="${y + 16}" font-size="13">${escapeHtml(bar.label)}</text>` +
      `<rect x="${labelWidth}" y="${y + 4}" width="${length}" height="16" fill="#2b6cb0"/>` +
      `<text x="${labelWidth + length + 6}" y="${y + 16}" font-size="13">${bar.value}</text>`
    );
  });
  const height = Math.max(rowHeight, bars.length * rowHeight);
  return `<svg width="${width}" height="${height}" role="img">${rows.join('')}</svg>`;
}

const section = (title: string, body: string) => `<section><h2>${escapeHtml(title)}</h2>${body}</section>`;

/** The annual report as a page a person would rather read than a CSV. */
export function renderReportPage(report: AnnualReport): string {
  const services = report.services.bySector.flatMap((sector) => [
    { label: sector.sector, value: sector.total },
    ...Object.entries(sector.services).map(([service, value]) => ({ label: `  · ${service}`, value })),
  ]);
  const onTime = report.appealsByUnit.flatMap((row) => [
    { label: `${row.key} on time`, value: row.briefAnswers.onTime + row.fullAnswers.onTime },
    { label: `${row.key} late`, value: row.briefAnswers.late + row.fullAnswers.late },
  ]);
  const { satisfaction } = report.appeals;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Open Akimat — report ${report.year}</title>
<style>body{font-family:sans-serif;margin:2em;max-width:760px}h2{margin-top:1.5em}</style></head>
<body><h1>Open Akimat — annual report ${report.year}</h1>
${section(`Walk-in services: ${report.services.total}`, svgBars(services))}
${section(`Appeals registered: ${report.appeals.registered}`, svgBars(report.appealsByCategory.map((r) => ({ label: r.key, value: r.registered }))))}
${section('Appeals by unit', svgBars(report.appealsByUnit.map((r) => ({ label: r.key, value: r.registered }))))}
${section('Answers on time and late, by unit', svgBars(onTime))}
${section(
  `Satisfaction: average ${satisfaction.average ?? '—'}`,
  svgBars(Object.entries(satisfaction.distribution).map(([rating, value]) => ({ label: `${rating} ★`, value }))),
)}
<p><a href="report?year=${report.year}&amp;format=csv">CSV</a> · <a href="report?year=${report.year}">JSON</a></p>
</body></html>`;
}
