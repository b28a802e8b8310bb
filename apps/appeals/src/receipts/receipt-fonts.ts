import { dirname, join } from 'node:path';

export interface ReceiptFonts {
  regular: string;
  bold: string;
}

/**
 * DejaVu Sans covers every Kazakh letter (Ә Ғ Қ Ң Ө Ұ Ү Һ І), which PDF's built-in fonts do not.
 * Taken from the `dejavu-fonts-ttf` package at run time (node_modules stays outside the bundle).
 */
export function receiptFonts(): ReceiptFonts {
  const dir = join(dirname(runtimeRequire().resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return { regular: join(dir, 'DejaVuSans.ttf'), bold: join(dir, 'DejaVuSans-Bold.ttf') };
}

declare const __non_webpack_require__: NodeJS.Require | undefined;

/** webpack turns `require.resolve` into a module id; the font files must be found on disk at run time. */
function runtimeRequire(): NodeJS.Require {
  return typeof __non_webpack_require__ === 'function' ? __non_webpack_require__ : require;
}
