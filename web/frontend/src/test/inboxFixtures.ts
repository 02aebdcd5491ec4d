import { route } from './fakeApi'

/** Wire objects as the inbox and contacts API answer them, with overridable fields. */
export const conversation = (overrides: Record<string, unknown> = {}) => ({
  id: 'c1', bot: { id: 'b1', name: 'Lumi' }, channel: { id: 'ch1', type: 'line', name: 'Lumi on LINE' },
  contact: { id: 'k1', displayName: '陳小明', tier: 'free' }, status: 'open', botPaused: false, takenOverBy: null,
  takenOverAt: null, unreadCount: 0, lastMessageAt: '2026-11-21T08:15:02Z', lastInboundAt: '2026-11-21T08:15:02Z',
  lastMessage: { id: 'm2', direction: 'inbound', sender: 'contact', type: 'text', text: 'Where is my order?', status: 'received' },
  createdAt: '2026-11-20T10:00:00Z', ...overrides,
})

export const message = (id: string, text: string, overrides: Record<string, unknown> = {}) => ({
  id, direction: 'inbound', sender: 'contact', agentUserId: null, type: 'text', text, payload: {},
  status: 'received', statusDetail: null, createdAt: '2026-11-21T08:15:02Z', ...overrides,
})

export const contact = (overrides: Record<string, unknown> = {}) => ({
  id: 'k1', displayName: '陳小明', attributes: { nickname: 'Ming', orderNo: 'A-100' }, tier: 'free', blocked: false,
  personaOverride: null, createdAt: '2026-11-20T10:00:00Z', updatedAt: '2026-11-20T10:00:00Z', lastSeenAt: '2026-11-21T08:15:02Z',
  tags: [],
  identities: [{ channelId: 'ch1', channelType: 'line', externalUserId: 'U4af4980629d5a8b0', profile: {}, following: true, optedOut: false, optOutSource: null }],
  ...overrides,
})

/** What every signed-in page asks for: who I am (an agent here), and the bots and channels the filters offer. */
export const workspace = (role = 'agent') => [
  route('GET', '/api/v1/me', 200, { memberships: [{ tenantId: 't1', tenantName: 'Acme Coffee', role }] }),
  route('GET', /^\/api\/v1\/bots\?/, 200, { items: [{ id: 'b1', name: 'Lumi' }], nextCursor: null }),
  route('GET', /^\/api\/v1\/bots\/b1\/channels/, 200, {
    items: [{ id: 'ch1', botId: 'b1', type: 'line', name: 'Lumi on LINE' }], nextCursor: null,
  }),
  route('GET', /^\/api\/v1\/contacts\/k1$/, 200, contact()),
]
