/**
 * A very small formula evaluator for the fake: enough for the template's derived-field formulas
 * and its cells' custom validation (IF, IFERROR, OR, AND, ISNUMBER, ISTEXT, FIND, INT,
 * comparisons, + - * / &, TRUE and FALSE, cell references, numbers and strings). Parsed first,
 * then evaluated, so IF only evaluates the branch it takes (as Excel does). Errors are Excel's
 * error texts (#DIV/0!, #VALUE!); anything it cannot parse is #NAME?.
 */
type Value = number | string | boolean;
type Node =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'bool'; v: boolean }
  | { k: 'ref'; v: string }
  | { k: 'neg'; a: Node }
  | { k: 'bin'; op: string; a: Node; b: Node }
  | { k: 'call'; name: string; args: Node[] };

const ERROR = /^#(DIV\/0!|VALUE!|NAME\?|REF!|N\/A)$/;

function parse(src: string): Node {
  let i = 0;
  const skip = () => {
    while (src[i] === ' ') i++;
  };
  const fail = (): never => {
    throw new Error(`cannot parse ${src} at ${i}`);
  };
  function primary(): Node {
    skip();
    const ch = src[i];
    if (ch === '(') {
      i++;
      const n = comparison();
      skip();
      if (src[i++] !== ')') fail();
      return n;
    }
    if (ch === '"') {
      const end = src.indexOf('"', i + 1);
      if (end < 0) fail();
      const v = src.slice(i + 1, end);
      i = end + 1;
      return { k: 'str', v };
    }
    if (ch === '-') {
      i++;
      return { k: 'neg', a: primary() };
    }
    const literal = /^(TRUE|FALSE)(?![A-Z0-9(])/.exec(src.slice(i));
    if (literal) {
      i += literal[0].length;
      return { k: 'bool', v: literal[0] === 'TRUE' };
    }
    const m = /^(\d+(?:\.\d+)?(?:E[+-]?\d+)?|[A-Z]+\d+|[A-Z]+(?=\())/.exec(src.slice(i));
    if (!m) return fail();
    i += m[0].length;
    if (/^\d/.test(m[0])) return { k: 'num', v: Number(m[0]) };
    if (/\d$/.test(m[0])) return { k: 'ref', v: m[0] };
    i++; // (
    const args: Node[] = [];
    skip();
    if (src[i] !== ')') {
      for (;;) {
        args.push(comparison());
        skip();
        if (src[i] === ',') {
          i++;
          continue;
        }
        break;
      }
    }
    if (src[i++] !== ')') fail();
    return { k: 'call', name: m[0], args };
  }
  function binary(next: () => Node, ops: RegExp): Node {
    let a = next();
    for (;;) {
      skip();
      const m = ops.exec(src.slice(i));
      if (!m) return a;
      i += m[0].length;
      a = { k: 'bin', op: m[0], a, b: next() };
    }
  }
  const term = () => binary(primary, /^[*/]/);
  const sum = () => binary(term, /^[+-]/);
  const concat = () => binary(sum, /^&/);
  const comparison = () => binary(concat, /^(<>|<=|>=|=|<|>)/);
  const node = comparison();
  skip();
  if (i !== src.length) fail();
  return node;
}

class FormulaError extends Error {
  constructor(readonly value: string) {
    super(value);
  }
}

function evaluate(node: Node, cell: (ref: string) => Value): Value {
  const ev = (n: Node) => evaluate(n, cell);
  const num = (v: Value): number => {
    if (typeof v === 'number') return v;
    if (typeof v === 'boolean') return Number(v);
    if (v === '') return 0;
    if (ERROR.test(v)) throw new FormulaError(v);
    const n = Number(v);
    if (Number.isNaN(n)) throw new FormulaError('#VALUE!');
    return n;
  };
  switch (node.k) {
    case 'num':
    case 'str':
    case 'bool':
      return node.v;
    case 'ref': {
      const v = cell(node.v);
      if (typeof v === 'string' && ERROR.test(v)) throw new FormulaError(v);
      return v;
    }
    case 'neg':
      return -num(ev(node.a));
    case 'call':
      switch (node.name) {
        case 'IF':
          return ev(node.args[0]!) ? (node.args[1] ? ev(node.args[1]) : true) : node.args[2] ? ev(node.args[2]) : false;
        case 'IFERROR':
          try {
            return ev(node.args[0]!);
          } catch (e) {
            if (e instanceof FormulaError) return node.args[1] ? ev(node.args[1]) : '';
            throw e;
          }
        case 'OR':
          return node.args.some((a) => Boolean(ev(a)));
        case 'AND':
          return node.args.map((a) => Boolean(ev(a))).every(Boolean);
        // IS functions test a value and never pass an error on: ISNUMBER(#VALUE!) is FALSE.
        case 'ISNUMBER':
        case 'ISTEXT': {
          let v: Value;
          try {
            v = ev(node.args[0]!);
          } catch (e) {
            if (e instanceof FormulaError) return false;
            throw e;
          }
          return node.name === 'ISNUMBER' ? typeof v === 'number' : typeof v === 'string' && v !== '';
        }
        case 'INT':
          return Math.floor(num(ev(node.args[0]!)));
        case 'FIND': {
          const at = String(ev(node.args[1]!)).indexOf(String(ev(node.args[0]!)));
          if (at < 0) throw new FormulaError('#VALUE!');
          return at + 1;
        }
        default:
          throw new FormulaError('#NAME?');
      }
    case 'bin': {
      const a = ev(node.a);
      const b = ev(node.b);
      switch (node.op) {
        case '+':
          return num(a) + num(b);
        case '-':
          return num(a) - num(b);
        case '*':
          return num(a) * num(b);
        case '&':
          return `${a}${b}`;
        case '/': {
          const d = num(b);
          if (d === 0) throw new FormulaError('#DIV/0!');
          return num(a) / d;
        }
        default: {
          // Excel compares a blank cell as 0 with a number and as "" with text.
          const l = a === '' && typeof b === 'number' ? 0 : a;
          const r = b === '' && typeof a === 'number' ? 0 : b;
          if (node.op === '=') return l === r;
          if (node.op === '<>') return l !== r;
          const [x, y] = [num(l), num(r)];
          return node.op === '<' ? x < y : node.op === '>' ? x > y : node.op === '<=' ? x <= y : x >= y;
        }
      }
    }
  }
}

export function evaluateFormula(formula: string, cell: (ref: string) => Value): Value {
  let node: Node;
  try {
    node = parse(formula.startsWith('=') ? formula.slice(1) : formula);
  } catch {
    return '#NAME?';
  }
  try {
    return evaluate(node, cell);
  } catch (error) {
    if (error instanceof FormulaError) return error.value;
    throw error;
  }
}
