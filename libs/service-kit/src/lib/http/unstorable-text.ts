/** A UTF-16 half without its other half: valid in JSON (`"\ud800"`), not Unicode. */
export const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What PostgreSQL cannot store in text or jsonb: NUL and lone surrogates (every occurrence). */
export const UNSTORABLE_CHARACTERS = new RegExp(`\\u0000|${LONE_SURROGATE.source}`, 'g');
