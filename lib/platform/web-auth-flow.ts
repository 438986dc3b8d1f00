/** The identity API's OAuth window, in the shape lib/sources/smart-auth.ts expects. */
import { browser } from 'wxt/browser';

/** Opens the authorization URL; resolves with the redirect URL the server finished on. */
export async function launchWebAuthFlow(url: string, interactive: boolean): Promise<string> {
  const result = await browser.identity.launchWebAuthFlow({ url, interactive });
  if (!result) throw new Error('Sign-in was cancelled');
  return result;
}

/** The redirect URI to register with each authorization server (`https://<id>.chromiumapp.org/` on Chrome). */
export function redirectUri(): string {
  return browser.identity.getRedirectURL();
}
