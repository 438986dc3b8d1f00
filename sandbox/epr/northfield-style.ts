/** Northfield ClinicalWorks: dark teal side navigation, tabs, cards. */
export const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 "Segoe UI",Roboto,Arial,sans-serif;color:#1b2a33;background:#f4f6f6}
.cw{display:flex;min-height:100vh}
nav.side{width:220px;background:#16323f;color:#cfe3e6;padding:14px 0;flex-shrink:0}
nav.side .brand{padding:0 18px 16px;font-size:16px;color:#fff}
nav.side .brand b{color:#5fc2b6}
nav.side a,nav.side .muted{display:block;padding:7px 18px;color:#cfe3e6;text-decoration:none}
nav.side a:hover{background:#214a5b}
nav.side .muted{opacity:.55}
nav.side h3{font-size:11px;text-transform:uppercase;letter-spacing:.08em;margin:18px 18px 6px;color:#8fb3ba}
.content{flex:1;display:flex;flex-direction:column}
.topbar{background:#fff;border-bottom:1px solid #dde5e7;padding:8px 20px;display:flex;justify-content:space-between;color:#4d6570}
main#view{padding:18px 20px}
table.list{border-collapse:collapse;width:100%;background:#fff;border:1px solid #dde5e7}
table.list th,table.list td{padding:8px 12px;border-bottom:1px solid #e8eef0;text-align:left}
table.list th{background:#eaf3f2;color:#16323f;font-weight:600}
table.list a{color:#007a70;font-weight:600;text-decoration:none}
.pt-header{background:#fff;border:1px solid #dde5e7;border-top:4px solid #007a70;padding:12px 16px;display:flex;justify-content:space-between;align-items:center}
.pt-header.deceased{border-top-color:#1b2a33;background:#eef0f1}
.pt-name{font-size:20px;font-weight:600}
.pt-meta{color:#4d6570}
.pt-meta span+span:before{content:" \\00b7  "}
button{font:inherit;cursor:pointer}
.pt-actions{display:flex;gap:8px}
.launch-app{background:#007a70;border:1px solid #007a70;color:#fff;padding:6px 12px;border-radius:3px}
.close-patient{background:#fff;border:1px solid #007a70;color:#007a70;padding:6px 12px;border-radius:3px}
.tabs{display:flex;gap:2px;margin:14px 0 0;border-bottom:2px solid #007a70}
.tabs button{background:#e3ecec;border:0;padding:8px 16px;color:#16323f}
.tabs button[aria-selected=true]{background:#007a70;color:#fff}
.tab-panel{background:#fff;border:1px solid #dde5e7;border-top:0;padding:14px 16px}
.tab-panel dt{font-weight:600;color:#4d6570}
.tab-panel dd{margin:0 0 8px}`;
