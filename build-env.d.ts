// Constants injected at build time by wxt.config.ts (vite `define`) from CROSSCHECK_DEFAULT_FEED and
// CROSSCHECK_TRUSTED_KEYS. Only entrypoints/ read them; they pass them on to lib/background.

/** The feed.json URL this build subscribes to once, or null. */
declare const __CROSSCHECK_DEFAULT_FEED__: string | null;
/** Public key lines (`crosscheck-ed25519-public <base64>`) this build trusts. */
declare const __CROSSCHECK_TRUSTED_KEYS__: string[];
