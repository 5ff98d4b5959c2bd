/**
 * A very small formula evaluator for the fake: enough for the template's derived-field formulas
 * (IF, OR, comparisons, + - * /, cell references, numbers and strings). Anything else is "#VALUE!".
 */
type Value = number | string | boolean;

export function evaluateFormula(formula: string, cell: (ref: string) => Value): Value {
  const src = formula.startsWith('=') ? formula.slice(1) : formula;
  let i = 0;
  const peek = () => src[i];
  const skip = () => {
    while (src[i] === ' ') i++;
  };
  const fail = (): never => {
    throw new Error('unsupported');
  };
  const num = (v: Value): number => (typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : v === '' ? 0 : Number.isNaN(Number(v)) ? fail() : Number(v));

  function primary(): Value {
    skip();
    const ch = peek();
    if (ch === '(') {
      i++;
      const v = comparison();
      skip();
      if (src[i++] !== ')') fail();
      return v;
    }
    if (ch === '"') {
      const end = src.indexOf('"', i + 1);
      const s = src.slice(i + 1, end);
      i = end + 1;
      return s;
    }
    if (ch === '-') {
      i++;
      return -num(primary());
    }
    const m = /^(\d+(?:\.\d+)?|[A-Z]+\d+|[A-Z]+(?=\())/.exec(src.slice(i));
    if (!m) return fail();
    i += m[0].length;
    if (/^\d/.test(m[0])) return Number(m[0]);
    if (/^[A-Z]+\d+$/.test(m[0])) return cell(m[0]);
    // A function call.
    i++; // (
    const args: Array<() => Value> = [];
    const starts: number[] = [];
    skip();
    if (peek() !== ')') {
      for (;;) {
        starts.push(i);
        comparison();
        skip();
        if (peek() === ',') {
          i++;
          continue;
        }
        break;
      }
    }
    if (src[i++] !== ')') fail();
    const end = i;
    const evalAt = (start: number) => () => {
      const save = i;
      i = start;
      const v = comparison();
      i = save;
      return v;
    };
    for (const s of starts) args.push(evalAt(s));
    i = end;
    switch (m[0]) {
      case 'IF':
        return args[0]!() ? (args[1]?.() ?? true) : (args[2]?.() ?? false);
      case 'OR':
        return args.some((a) => Boolean(a()));
      case 'AND':
        return args.every((a) => Boolean(a()));
      default:
        return fail();
    }
  }
  function term(): Value {
    let v = primary();
    for (;;) {
      skip();
      const op = peek();
      if (op !== '*' && op !== '/') return v;
      i++;
      const r = num(primary());
      if (op === '/' && r === 0) return '#DIV/0!';
      v = op === '*' ? num(v) * r : num(v) / r;
    }
  }
  function sum(): Value {
    let v = term();
    for (;;) {
      skip();
      const op = peek();
      if (op !== '+' && op !== '-') return v;
      i++;
      const r = num(term());
      v = op === '+' ? num(v) + r : num(v) - r;
    }
  }
  function comparison(): Value {
    const left = sum();
    skip();
    const m = /^(<>|<=|>=|=|<|>)/.exec(src.slice(i));
    if (!m) return left;
    i += m[0].length;
    const right = sum();
    const l = left === '' && typeof right === 'number' ? 0 : left;
    switch (m[0]) {
      case '=':
        return l === right;
      case '<>':
        return l !== right;
      case '<':
        return num(l) < num(right);
      case '>':
        return num(l) > num(right);
      case '<=':
        return num(l) <= num(right);
      default:
        return num(l) >= num(right);
    }
  }
  try {
    const v = comparison();
    return v;
  } catch {
    return '#VALUE!';
  }
}
