import { catalog } from '../../i18n/catalog'

export default catalog({
  message: '{{model}} · {{input}} → {{output}} tokens · {{seconds}} s',
  noPrice: 'no price',
  noPriceHint: 'This model has no price in the price table: its cost is unknown, not zero. Add a price under Billing.',
  totals: 'LLM: {{calls}} calls · {{input}} → {{output}} tokens · {{cost}}',
  totalsUnpriced: '{{count}} call(s) without a price',
  label: 'LLM usage',
}, {
  message: '{{model}} · {{input}} → {{output}} 個 token · {{seconds}} 秒',
  noPrice: '無價格',
  noPriceHint: '此模型在價格表中沒有價格：費用未知，並非零。請到「帳務」新增價格。',
  totals: 'LLM：{{calls}} 次呼叫 · {{input}} → {{output}} 個 token · {{cost}}',
  totalsUnpriced: '{{count}} 次呼叫沒有價格',
  label: 'LLM 用量',
})
