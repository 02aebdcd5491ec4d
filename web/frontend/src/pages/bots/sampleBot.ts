import type { Bot } from './botForm'

/** A bot as the API answers it, for tests. */
export function sampleBot(overrides: Partial<Bot> = {}): Bot {
  return {
    id: 'b1', name: 'Lumi', status: 'active', persona: 'You are Lumi.',
    llm: { provider: 'openai-compatible', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini', apiKeySet: true,
      apiKeyHint: '…x7Qa', temperature: 0.7, maxTokens: 512, timeoutMs: 8000, answeredBy: 'own' },
    historyWindow: 10, welcomeMessage: 'Welcome!', fallbackMessage: null, limitMessage: null, quotaMessage: null, handoffText: null, outputConversion: 'none',
    limits: { perHour: 20, perDay: null, tiers: { premium: {} } },
    moderation: { input: false, output: false, service: 'none', apiKeySet: false, keywords: [], actions: {}, onUnavailable: 'fail_open' },
    memory: { summary: false, summaryModel: null },
    createdAt: '2026-11-20T10:00:00Z', updatedAt: '2026-11-21T10:00:00Z', ...overrides,
  }
}
