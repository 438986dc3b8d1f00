/**
 * The slice of oidc-provider 9 (and the Koa context it runs on) that the sandbox authorization
 * server uses. The package ships no type declarations; these cover only what sandbox/auth calls, so
 * a use outside this slice fails to compile instead of passing silently as `any`.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface KoaContext {
    readonly method: string;
    readonly path: string;
    querystring: string;
    status: number;
    body: unknown;
    type: string;
    readonly req: IncomingMessage;
    readonly res: ServerResponse;
    get(field: string): string;
    set(field: string, value: string): void;
    redirect(url: string): void;
    readonly oidc?: OIDCContext;
  }

  export type Next = () => Promise<void>;
  export type Middleware = (ctx: KoaContext, next: Next) => Promise<void>;

  export interface ClientInfo {
    readonly clientId: string;
    readonly clientAuthMethod: string;
    grantTypeAllowed(grantType: string): boolean;
  }

  export interface AccessToken {
    readonly jti: string;
    readonly clientId: string;
    readonly accountId?: string;
    readonly grantId?: string;
    readonly scope?: string;
    readonly extra?: Record<string, unknown>;
    readonly isExpired: boolean;
  }

  export interface Grant {
    readonly jti: string;
    accountId?: string;
    clientId?: string;
    addOIDCScope(scope: string): void;
    /** @returns the grant id */
    save(): Promise<string>;
  }

  export interface GrantConstructor {
    new (properties: { accountId: string; clientId: string }): Grant;
    find(id: string): Promise<Grant | undefined>;
  }

  export interface OIDCContext {
    readonly route?: string;
    readonly params?: Record<string, unknown>;
    readonly client?: ClientInfo;
    readonly result?: { consent?: { grantId?: string } };
    readonly entities: {
      readonly AccessToken?: AccessToken;
      readonly Grant?: Grant;
      readonly RotatedRefreshToken?: { readonly remainingTTL: number };
    };
    readonly provider: Provider;
  }

  export interface Interaction {
    readonly uid: string;
    readonly prompt: { name: string; reasons: string[]; details: Record<string, unknown> };
    readonly params: Record<string, unknown>;
    readonly session?: { accountId?: string };
    readonly grantId?: string;
  }

  export interface InteractionResults {
    login?: { accountId: string; remember?: boolean };
    consent?: { grantId: string };
    error?: string;
    error_description?: string;
  }

  export interface Account {
    accountId: string;
    claims(use: string, scope: string): Promise<Record<string, unknown>> | Record<string, unknown>;
  }

  export interface Adapter {
    upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void>;
    find(id: string): Promise<AdapterPayload | undefined>;
    findByUserCode(userCode: string): Promise<AdapterPayload | undefined>;
    findByUid(uid: string): Promise<AdapterPayload | undefined>;
    consume(id: string): Promise<void>;
    destroy(id: string): Promise<void>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  export interface AdapterPayload {
    grantId?: string;
    uid?: string;
    userCode?: string;
    consumed?: number;
    [key: string]: unknown;
  }

  export interface TokenLike {
    readonly grantId?: string;
    readonly scopes: Set<string>;
  }

  type TtlFunction = (ctx: KoaContext | undefined, token: unknown, client: unknown) => number;

  /** Only the options sandbox/auth sets; see the package's docs/README.md for the full list. */
  export interface Configuration {
    adapter?: (model: string) => Adapter;
    clients?: Record<string, unknown>[];
    clientBasedCORS?: (ctx: KoaContext, origin: string, client: ClientInfo) => boolean;
    claims?: Record<string, string[] | null>;
    conformIdTokenClaims?: boolean;
    cookies?: { long?: Record<string, unknown>; short?: Record<string, unknown> };
    expiresWithSession?: (ctx: KoaContext, token: TokenLike) => Promise<boolean> | boolean;
    extraParams?: Record<string, (ctx: KoaContext, value: string | undefined, client: ClientInfo) => Promise<void> | void>;
    extraTokenClaims?: (ctx: KoaContext | undefined, token: TokenLike) => Promise<Record<string, unknown> | undefined>;
    features?: Record<string, { enabled: boolean; [key: string]: unknown }>;
    findAccount?: (ctx: KoaContext, sub: string) => Promise<Account | undefined>;
    interactions?: { policy?: Prompt[]; url?: (ctx: KoaContext, interaction: Interaction) => Promise<string> | string };
    issueRefreshToken?: (ctx: KoaContext, client: ClientInfo, token: TokenLike) => Promise<boolean> | boolean;
    jwks?: { keys: Record<string, unknown>[] };
    loadExistingGrant?: (ctx: KoaContext) => Promise<Grant | undefined>;
    pkce?: { required: (ctx: KoaContext, client: ClientInfo) => boolean };
    renderError?: (ctx: KoaContext, out: Record<string, string>, error: Error) => Promise<void> | void;
    routes?: Record<string, string>;
    scopes?: string[];
    ttl?: Record<string, number | TtlFunction>;
  }

  export class Provider {
    constructor(issuer: string, configuration: Configuration);
    readonly issuer: string;
    readonly Grant: GrantConstructor;
    readonly AccessToken: { find(value: string): Promise<AccessToken | undefined> };
    use(middleware: Middleware): this;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    on(event: string, listener: (...args: unknown[]) => void): this;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionResult(req: IncomingMessage, res: ServerResponse, result: InteractionResults): Promise<string>;
  }

  export interface PolicyCheck {
    readonly reason: string;
  }

  export interface Prompt {
    readonly name: string;
    readonly checks: { add(check: PolicyCheck): void };
  }

  export const interactionPolicy: {
    base(): Prompt[] & { get(name: string): Prompt | undefined };
    Check: {
      new (reason: string, description: string, check: (ctx: KoaContext & { oidc: OIDCContext }) => boolean): PolicyCheck;
      readonly REQUEST_PROMPT: true;
      readonly NO_NEED_TO_PROMPT: false;
    };
  };

  export const errors: {
    InvalidRequest: new (description?: string) => Error;
  };

  export default Provider;
}
