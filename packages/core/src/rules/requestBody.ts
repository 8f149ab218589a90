/**
 * The largest request body a billing operation reads, in bytes (64 KiB): a larger one is a 413
 * (`PayloadTooLarge` in the spec) before it is read whole. The server, the mock and the proxy's
 * default share it; the operations' bodies are a few fields.
 */
export const MAX_BODY_BYTES = 64 * 1024
