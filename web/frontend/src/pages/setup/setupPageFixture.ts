/** A setup page as GET /api/v1/public/setup/{token} answers it, for the page's tests. */
export const PATH = '/api/v1/public/setup/pst_abc.sig'

export const page = (overrides: Record<string, unknown> = {}) => ({
  contact: { displayName: '陳小美' }, attributes: {}, personaOverride: null, expiresAt: '2026-11-29T00:00:00Z',
  fields: [{ key: 'nickname', editable: true }], allowPersonaOverride: true, messageAfterSubmit: true, memory: [],
  accessCodeAsked: false, accessCodeRedeemed: false, ...overrides,
})
