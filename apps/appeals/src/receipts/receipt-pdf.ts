import PDFDocument from 'pdfkit';
import { ReceiptContent } from './receipt-content';
import { ReceiptFonts } from './receipt-fonts';

/** Lays the receipt out on one A5 page. */
export function renderReceiptPdf(content: ReceiptContent, fonts: ReceiptFonts): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A5',
    margin: 40,
    info: { Title: content.title, Producer: 'Open Akimat appeals' },
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const [office, ...notes] = content.paragraphs;
  doc.font('regular').fontSize(9).fillColor('#444444').text(office, { align: 'center' });
  doc.moveDown(0.8).font('bold').fontSize(15).fillColor('#000000').text(content.title, { align: 'center' });
  doc.moveDown(1);
  for (const [label, value] of content.fields) {
    doc.font('regular').fontSize(9).fillColor('#555555').text(label);
    doc.font('bold').fontSize(12).fillColor('#000000').text(value);
    doc.moveDown(0.4);
  }
  doc.moveDown(0.6);
  for (const note of notes) {
    doc.font('regular').fontSize(9).fillColor('#222222').text(note, { align: 'left' });
    doc.moveDown(0.5);
  }
  doc.end();
  return done;
}
