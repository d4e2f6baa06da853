import { notProven } from './jq-failure.js';

/**
 * A number as jq 1.8 prints it (`tostring`, `tojson`, string interpolation, error messages), or
 * NOT_PROVEN when that depends on where the number came from. jq 1.8 prints a number read from JSON
 * or written in the program in its decimal literal's canonical form (`1E+21`, `1E-7`), and a number
 * it computed in its shortest `%.17g` form (`1e+21`, `1e-07`). Items reach jq-wasm as
 * `JSON.stringify` text, so a literal's form is JavaScript's, with `E`; the two agree on the usual
 * numbers (integers below 1e16, decimals from 0.0001), which are the ones printed here.
 */
export function formatJqNumber(value: number): string {
  const literal = String(value).replace('e', 'E');
  return literal === formatComputed(value) ? literal : notProven();
}

/** jq's printing of a computed double: shortest round-trip digits, exponent form outside [1e-5, 1e17). */
function formatComputed(value: number): string {
  if (!Number.isFinite(value)) return '';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e');
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace(/^-/, '').replace('.', '');
  const decimalPoint = Number(exponentText) + 1;
  let text: string;
  if (decimalPoint <= -4 || decimalPoint > digits.length + 15) {
    const exponent = decimalPoint - 1;
    const size = Math.abs(exponent);
    text = `${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ''}e${exponent < 0 ? '-' : '+'}${size < 10 ? '0' : ''}${size}`;
  } else if (decimalPoint <= 0) {
    text = `0.${'0'.repeat(-decimalPoint)}${digits}`;
  } else if (decimalPoint >= digits.length) {
    text = digits + '0'.repeat(decimalPoint - digits.length);
  } else {
    text = `${digits.slice(0, decimalPoint)}.${digits.slice(decimalPoint)}`;
  }
  return negative ? `-${text}` : text;
}
