/**
 * The report's only styles, inlined so the page opens offline.
 *
 * Every font stack starts with "pipecast CJK", the font subset embedded in pages with CJK text
 * (embedCjkFont): its unicode-range covers CJK characters only, so Latin text and digits take the
 * system fonts after it, and Chinese looks the same on every machine and like the PNG charts.
 * It must come first: when an installed font without CJK glyphs (system-ui, sans-serif, a
 * monospace font) stands before it, Chromium draws the first CJK text of each font size and
 * weight as empty boxes and does not redraw it once the embedded font is ready. The CJK system
 * fonts later in the stack draw characters the subset lacks (rare name characters outside
 * GB2312). Chart text (inline SVG) and warning locations (monospace) list it first too.
 */
export const REPORT_CSS = `
*{box-sizing:border-box}
body{margin:0;background:#f6f7f9;color:#222;font:14px/1.5 "pipecast CJK",system-ui,-apple-system,"Segoe UI","Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif}
svg text{font-family:"pipecast CJK","Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif}
header,main,footer{max-width:1180px;margin:0 auto;padding:16px 24px}
header h1{margin:8px 0 4px;font-size:24px}
.subtitle,.as-of{margin:2px 0;color:#555}
nav ul{list-style:none;padding:0;margin:8px 0;display:flex;flex-wrap:wrap;gap:8px 16px}
nav a{color:#1f5fa8;text-decoration:none}
section{background:#fff;border:1px solid #e2e4e8;border-radius:8px;padding:16px 20px;margin:16px 0}
section h2{margin:0 0 8px;font-size:19px}
h3{font-size:15px;margin:16px 0 6px}
.notes{color:#555;margin:4px 0}
dl.summary{display:flex;flex-wrap:wrap;gap:12px;margin:8px 0}
dl.summary div{background:#f0f4fa;border-radius:6px;padding:8px 12px;min-width:140px}
dl.summary dt{font-size:12px;color:#555}
dl.summary dd{margin:0;font-size:18px;font-weight:600}
dl.summary dd.note{font-size:12px;font-weight:400;color:#555;max-width:260px}
figure{margin:12px 0;overflow-x:auto}
figure svg{max-width:100%;height:auto}
figcaption{font-size:12px;color:#666}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;margin:6px 0 12px;font-size:13px}
th,td{border-bottom:1px solid #e2e4e8;padding:4px 8px;text-align:left;white-space:nowrap}
th{background:#f0f2f5}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.empty{color:#777;font-style:italic}
.warnings li,.skipped li{margin:3px 0}
.where{font-family:"pipecast CJK",ui-monospace,Consolas,monospace;color:#555;margin-right:6px}
.status-error{color:#b42318;font-weight:600}
.status-ok{color:#067647;font-weight:600}
footer{color:#777;font-size:12px}
`;
