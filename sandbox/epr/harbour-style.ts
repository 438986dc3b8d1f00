/** Harbour Care Record: teal header, the record in a framed card, the GP's list in a side column. */
export const STYLE = `
body{margin:0;font:15px/1.45 Arial,Helvetica,sans-serif;color:#212b32;background:#f4f6f6}
header.app{background:#00705f;color:#fff;display:flex;align-items:baseline;gap:16px;padding:10px 24px}
header.app a{color:#fff;text-decoration:none;font-weight:bold;font-size:20px}
.layout{display:flex;gap:20px;padding:16px 24px;align-items:flex-start}
.layout main{flex:1}
nav.record-nav{display:flex;gap:18px;margin-bottom:10px}
iframe.record{width:100%;height:560px;border:1px solid #c5cfd0;background:#fff}
aside.gp-list{width:330px;background:#fff;border:1px solid #c5cfd0;padding:10px 14px}
aside.gp-list h2{font-size:16px;margin:0 0 8px;color:#00705f}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #dde3e3}
a{color:#005c4e}`;

/** The framed record itself. */
export const FRAME_STYLE = `
body{margin:0;padding:14px 18px;font:15px/1.45 Arial,Helvetica,sans-serif;color:#212b32}
section.card{border:1px solid #dde3e3;padding:10px 14px;margin-bottom:12px}
section.card h1{font-size:21px;margin:0 0 6px}
section.card h2{font-size:16px;margin:0 0 6px;color:#00705f}
dl{display:grid;grid-template-columns:150px 1fr;gap:4px 12px;margin:0}
dt{color:#4c6272}
dd{margin:0}`;
