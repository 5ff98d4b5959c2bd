import type { FakeSnapshot } from '../../addin/test/fake-excel/fake-excel.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function display(value: string | number | boolean, numberFormat: string): string {
  if (typeof value !== 'number') return String(value);
  const decimals = /\.(0+)/.exec(numberFormat)?.[1]?.length ?? 0;
  const grouped = numberFormat.includes(',');
  return value.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals || (numberFormat === 'General' ? 6 : 0),
    useGrouping: grouped,
  });
}

/**
 * Draws a sheet of the fake workbook the way Excel would show it (fills, bold, number formats,
 * the selected cell, sheet tabs without the very-hidden ones), beside a screenshot of the task
 * pane: one picture per step of the browser test.
 */
export function renderComposite(
  snapshot: FakeSnapshot,
  paneScreenshot: Buffer,
  caption: string,
  options: { rows?: number; columns?: string[]; lang?: 'zh' | 'en' } = {},
): string {
  const sheetName = snapshot.activeSheet ?? snapshot.sheets[0]?.name ?? '';
  const sheet = snapshot.sheets.find((s) => s.name === sheetName);
  const columns = options.columns ?? ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'];
  const rows = options.rows ?? 27;
  const selected = snapshot.selection?.sheet === sheetName ? snapshot.selection.address : null;
  const widthOf = (c: string) => Math.max(28, Math.round(((sheet?.columnWidths[c] ?? 48) / 0.75) * 0.62));
  const total = 34 + columns.reduce((sum, c) => sum + widthOf(c), 0);
  let grid = `<table class="grid" style="width:${total}px"><colgroup><col style="width:34px">${columns.map((c) => `<col style="width:${widthOf(c)}px">`).join('')}</colgroup>`;
  grid += `<tr><th></th>${columns.map((c) => `<th>${c}</th>`).join('')}</tr>`;
  for (let r = 1; r <= rows; r++) {
    grid += `<tr><th>${r}</th>`;
    for (const c of columns) {
      const address = `${c}${r}`;
      const cell = sheet?.cells[address];
      const style = [
        cell?.fill ? `background:${cell.fill}` : '',
        cell?.bold ? 'font-weight:600' : '',
        cell?.italic ? 'font-style:italic' : '',
        cell && cell.fontColor !== '#000000' ? `color:${cell.fontColor}` : '',
        cell && cell.fontSize !== 11 ? `font-size:${cell.fontSize + 2}px` : '',
        cell && typeof cell.value === 'number' ? 'text-align:right' : '',
        cell?.wrap ? 'white-space:normal' : '',
      ]
        .filter(Boolean)
        .join(';');
      // Like Excel, text runs on into empty cells to its right.
      const right = columns[columns.indexOf(c) + 1];
      const neighbour = right ? sheet?.cells[`${right}${r}`] : undefined;
      const spills = cell && typeof cell.value === 'string' && !cell.wrap && (!neighbour || neighbour.value === '');
      const cls = address === selected ? ' class="sel"' : spills ? ' class="spill"' : '';
      const text = cell ? esc(display(cell.value, cell.numberFormat)) : '';
      grid += `<td${cls} style="${style}" title="${esc(address)}">${text}</td>`;
    }
    grid += '</tr>';
  }
  grid += '</table>';
  const tabs = snapshot.sheets
    .filter((s) => s.visibility === 'Visible')
    .map(
      (s) =>
        `<span class="tab${s.name === sheetName ? ' on' : ''}">${esc(s.name)}${s.protected ? (options.lang === 'en' ? ' (protected)' : ' (保护)') : ''}</span>`,
    )
    .join('');
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    body{margin:0;font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;background:#f3f3f3;}
    .wrap{display:flex;gap:0;align-items:flex-start}
    .book{flex:1;overflow:hidden;background:#fff;border-right:1px solid #c8c8c8;height:900px;display:flex;flex-direction:column}
    .bar{background:#107c41;color:#fff;padding:6px 10px;font-size:13px}
    .formula{font-size:12px;padding:4px 8px;border-bottom:1px solid #ddd;color:#333;height:16px;white-space:nowrap;overflow:hidden}
    .grid{border-collapse:collapse;table-layout:fixed;font-size:12px}
    .grid th{background:#f3f3f3;color:#555;font-weight:400;border:1px solid #d4d4d4;height:20px}
    .grid td{border:1px solid #e1e1e1;height:20px;padding:0 3px;white-space:nowrap;overflow:hidden;text-overflow:clip;vertical-align:top}
    .grid td.spill{overflow:visible;position:relative;z-index:1}
    .grid td.sel{outline:2px solid #107c41;outline-offset:-2px}
    .tabs{margin-top:auto;border-top:1px solid #c8c8c8;background:#f3f3f3;font-size:12px;padding:2px 8px}
    .tab{display:inline-block;padding:3px 10px;color:#444}.tab.on{background:#fff;color:#107c41;font-weight:600;border-bottom:2px solid #107c41}
    .pane{width:320px;background:#fff}
    .caption{float:right;font-weight:600;background:#fff;color:#107c41;border-radius:3px;padding:0 8px}
  </style></head><body><div class="wrap">
    <div class="book"><div class="bar">Excel — ${esc(sheetName)}<span class="caption">${esc(caption)}</span></div>
    <div class="formula">${selected ? `${esc(selected)}&nbsp;&nbsp;${esc(String(sheet?.cells[selected]?.formula ?? sheet?.cells[selected]?.value ?? ''))}` : ''}</div>
    ${grid}<div class="tabs">${tabs}</div></div>
    <img class="pane" src="data:image/png;base64,${paneScreenshot.toString('base64')}">
  </div></body></html>`;
}
