/**
 * The sign-in page shown at the interaction URL. Pre-filled with the demo clinician so that a
 * demo or a browser test signs in with one click on "Sign in"; the patient picker appears only for
 * a standalone launch that asked for `launch/patient`.
 */
import { DEMO_CLINICIAN } from './demo-clinician';

export interface PickerPatient {
  readonly id: string;
  readonly label: string;
  /** The FHIR base this id belongs to; entries without one are offered for every audience. */
  readonly fhirBaseUrl?: string;
}

export interface LoginPageModel {
  readonly uid: string;
  readonly clientName: string;
  readonly audience: string;
  readonly scopes: readonly string[];
  /** Undefined when no patient has to be picked. */
  readonly picker?: readonly PickerPatient[];
  readonly error?: string;
}

/** Escapes text for HTML content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
body{margin:0;font:16px/1.5 Arial,Helvetica,sans-serif;background:#f0f4f5;color:#212b32}
header{background:#005eb8;color:#fff;padding:12px 24px;font-weight:bold}
header small{display:block;font-weight:normal;opacity:.85}
main{max-width:420px;margin:32px auto;background:#fff;padding:24px 32px;border-top:4px solid #005eb8}
h1{font-size:24px;margin:0 0 8px}
label{display:block;font-weight:bold;margin:16px 0 4px}
input,select{width:100%;box-sizing:border-box;padding:8px;font-size:16px;border:2px solid #4c6272}
button{margin-top:24px;padding:10px 18px;font-size:16px;font-weight:bold;border:0;cursor:pointer}
button.primary{background:#007f3b;color:#fff;box-shadow:0 3px 0 #00401e}
.cancel{background:none;color:#005eb8;text-decoration:underline;margin-top:12px;padding:0;font-weight:normal}
.error{border-left:4px solid #d5281b;padding:8px 12px;background:#fde8e6;margin:16px 0}
.hint{color:#4c6272;font-size:14px}
code{font-size:13px;background:#f0f4f5;padding:1px 4px}`;

function pickerHtml(picker: readonly PickerPatient[]): string {
  if (picker.length === 0) {
    return '<p class="error">No patients are available from this record system.</p>';
  }
  const options = picker
    .map((p) => `<option value="${escapeHtml(p.id)}">${escapeHtml(p.label)}</option>`)
    .join('');
  return `<label for="patient">Patient</label><select id="patient" name="patient" required>${options}</select>`;
}

/** @param model - what the page shows; every value is escaped here */
export function renderLoginPage(model: LoginPageModel): string {
  const action = `/interaction/${encodeURIComponent(model.uid)}`;
  const scopes = model.scopes.map((s) => `<code>${escapeHtml(s)}</code>`).join(' ');
  return `<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>Sign in - Sandbox Identity Service</title>
<style>${STYLE}</style></head>
<body>
<header>Sandbox Identity Service<small>Demo sign-in for synthetic patient records</small></header>
<main>
<h1>Sign in</h1>
<p><strong>${escapeHtml(model.clientName)}</strong> is asking to read records from
<code>${escapeHtml(model.audience)}</code>.</p>
${model.error === undefined ? '' : `<p class="error" role="alert">${escapeHtml(model.error)}</p>`}
<form method="post" action="${action}/login">
<label for="username">Username</label>
<input id="username" name="username" autocomplete="username" value="${escapeHtml(DEMO_CLINICIAN.username)}" required>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" value="${escapeHtml(DEMO_CLINICIAN.password)}" required>
${model.picker === undefined ? '' : pickerHtml(model.picker)}
<button class="primary" type="submit">Sign in</button>
</form>
<form method="post" action="${action}/abort"><button class="cancel" type="submit">Cancel</button></form>
<p class="hint">Demo account: ${escapeHtml(DEMO_CLINICIAN.displayName)}. Access requested: ${scopes}</p>
</main>
</body>
</html>`;
}

/** A page for a sign-in request that cannot continue (expired, already used). */
export function renderProblemPage(title: string, detail: string): string {
  return `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><header>Sandbox Identity Service</header>
<main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(detail)}</p></main></body></html>`;
}
