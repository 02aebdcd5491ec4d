/** Only same-site paths, so a crafted ?next= cannot send someone to another site after signing in. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/inbox'
}
