/** Leaving the dashboard for a Stripe page (Checkout, the portal); a seam so tests can see where it would go. */
export const browser = {
  go(url: string) {
    window.location.assign(url)
  },
}
