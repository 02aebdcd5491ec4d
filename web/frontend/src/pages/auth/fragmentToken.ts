/**
 * The token of an emailed link, carried in the URL fragment (`/verify-email#token=…`): browsers never send a fragment
 * to a server, so the token reaches no access log or proxy; the page posts it to the API itself.
 */
export function fragmentToken(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? ''
}
