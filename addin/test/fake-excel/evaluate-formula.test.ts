import { describe, expect, it } from 'vitest';
import { evaluateFormula } from './evaluate-formula.js';

const cells: Record<string, string | number> = { E23: 12800000, E24: 384000, E5: '', E6: 0, E7: 'abc', E8: '无', E9: 1.5 };
const cell = (ref: string) => cells[ref] ?? '';

describe('the fake’s formula evaluator', () => {
  it.each([
    ['=IF(OR(E24="",E23="",E23=0),"",E24/E23*100)', 3],
    ['=IF(OR(E5="",E23="",E23=0),"",E5/E23*100)', ''],
    ['=IF(OR(E24="",E6="",E6=0),"",E24/E6*100)', ''],
    ['=IF(OR(E24="",E23=""),"",E24/365)', 384000 / 365],
    ['=E24/E6', '#DIV/0!'],
    ['=E7*2', '#VALUE!'],
    ['=IFERROR(E7*2,"")', ''],
    ['=IFERROR(IF(OR(E24="",E23="",E23=0),"",E24/E23*100),"")', 3],
    ['=VLOOKUP(1,2)', '#NAME?'],
    ['=1+2*3-4/2', 5],
    ['=-E24+E23', 12416000],
    // The template's reading of 无 as 0, and its cells' validation (both checked in LibreOffice by write-template-workbook.test.ts).
    ['=IF(ISNUMBER(FIND("|"&E8&"|","|无|不适用|")),0,E8)', 0],
    ['=IF(ISNUMBER(FIND("|"&E24&"|","|无|不适用|")),0,E24)', 384000],
    ['="a"&E6&"b"', 'a0b'],
    ['=IF(ISTEXT(E8),TRUE,AND(ISNUMBER(E8),E8>=0,E8=INT(E8)))', true],
    ['=IF(ISTEXT(E9),TRUE,AND(ISNUMBER(E9),E9>=0,E9=INT(E9)))', false],
    ['=IF(ISTEXT(E6),TRUE,AND(ISNUMBER(E6),E6>=0,E6=INT(E6)))', true],
  ])('%s → %s', (formula, expected) => {
    expect(evaluateFormula(formula, cell)).toBe(expected);
  });
});
