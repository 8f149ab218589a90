/** Where the page's client sends its requests: the dev server's proxy, or the mock in its place. */
export const PROXY_PATH = '/api/payg'
