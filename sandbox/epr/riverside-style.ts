/** Riverside PAS: NHS blue, banner first, plain tables. */
export const STYLE = `
body{margin:0;font:15px/1.45 Arial,Helvetica,sans-serif;color:#212b32;background:#f0f4f5}
header.app{background:#005eb8;color:#fff;display:flex;align-items:baseline;gap:16px;padding:10px 24px}
header.app a{color:#fff;text-decoration:none;font-weight:bold;font-size:20px}
header.app span{opacity:.85}
main{padding:16px 24px;max-width:1100px}
#patient-banner{background:#e8edee;border-left:6px solid #005eb8;padding:10px 16px;margin-bottom:16px}
#patient-banner.deceased{background:#425563;color:#fff;border-left-color:#212b32}
.banner-name{font-size:22px;font-weight:bold}
.banner-fields{display:flex;flex-wrap:wrap;gap:8px 28px;margin-top:4px}
.banner-fields .label{color:#4c6272}
#patient-banner.deceased .label{color:#d8dde0}
section.panel{background:#fff;border:1px solid #d8dde0;padding:12px 16px;margin-bottom:14px}
section.panel h2{font-size:17px;margin:0 0 8px;color:#005eb8}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{text-align:left;padding:7px 10px;border-bottom:1px solid #d8dde0}
th{background:#e8edee;font-size:13px;text-transform:uppercase;letter-spacing:.03em}
a{color:#005eb8}
form.search{margin:0 0 12px;display:flex;gap:8px}
form.search input{padding:6px 8px;border:2px solid #4c6272;width:280px}
form.search button{background:#005eb8;color:#fff;border:0;padding:6px 14px;font-weight:bold}
.crumb{margin:0 0 12px}`;
