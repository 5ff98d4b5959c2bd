import { roundFigure } from './round-figure.js';

/**
 * Plain decimal text of a finite number, never in exponent form and without float noise:
 * 1e21 → "1000000000000000000000", 1.2e-7 → "0.00000012", 0.1 + 0.2 → "0.3".
 * With `decimals`, rounds half away from zero on the decimal digits (as Excel displays
 * 1.005 as 1.01, where `toFixed` gives "1.00") and pads with zeros; without, trims zeros.
 * Works on the 15 significant digits of `roundFigure` as an exact BigInt, so it needs no Intl.
 */
export function decimalString(value: number, decimals?: number): string {
  const x = roundFigure(value);
  let fractionDigits = 14;
  // Next to Number.MAX_VALUE, 15 digits round up past it (roundFigure leaves those values
  // unrounded): print all 17 then, so the text still reads back as a finite number.
  if (!Number.isFinite(Number(x.toExponential(14)))) fractionDigits = 16;
  const [mantissa = '0', exponent = '0'] = Math.abs(x).toExponential(fractionDigits).split('e');
  // |x| = digits × 10^-scale, exactly.
  let digits = BigInt(mantissa.replace('.', ''));
  let scale = fractionDigits - Number(exponent);
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  if (decimals !== undefined && scale > decimals) {
    const divisor = 10n ** BigInt(scale - decimals);
    const remainder = digits % divisor;
    digits = digits / divisor + (remainder * 2n >= divisor ? 1n : 0n);
    scale = decimals;
  }
  const text = digits.toString().padStart(scale + 1, '0');
  const whole = text.slice(0, text.length - scale);
  let fraction = text.slice(text.length - scale);
  if (decimals === undefined) fraction = fraction.replace(/0+$/, '');
  else fraction = fraction.padEnd(decimals, '0');
  const sign = x < 0 && digits !== 0n ? '-' : '';
  return sign + whole + (fraction === '' ? '' : `.${fraction}`);
}
