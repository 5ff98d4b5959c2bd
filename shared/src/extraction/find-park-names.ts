/**
 * The names a plan calls its own park by ("张江高新区普陀园" → 普陀园, "张江静安园" → 静安园), read
 * from the text itself, so "普陀园软件和信息服务主导产业营收占比" is cleaned to the indicator
 * without a list of parks in code. Longest first, so 闵行园区 is stripped before 闵行园.
 */
const PARK_NAME = /张江(?:高新区)?([\u4e00-\u9fff]{2,4}?园区?)/g;

export function findParkNames(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(PARK_NAME)) {
    const name = m[1] ?? '';
    names.add(name);
    if (name.endsWith('园区')) names.add(name.slice(0, -1));
  }
  return [...names].sort((a, b) => b.length - a.length);
}
