/** The source needs an interactive sign-in (no session, or the refresh token was refused). */
export class SignInRequiredError extends Error {
  override readonly name = 'SignInRequiredError';
  constructor(message = 'Sign-in needed') {
    super(message);
  }
}
