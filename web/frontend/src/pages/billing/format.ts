import i18n from '../../i18n'

/** An amount in a currency's minor unit (Stripe's cents), e.g. 2900 usd → "$29.00". */
export function formatMoney(minor: number, currency: string): string {
  return new Intl.NumberFormat(i18n.language, { style: 'currency', currency: currency.toUpperCase() }).format(minor / 100)
}

/** Micro-dollars (the LLM budget's unit) as dollars, e.g. 2000000 → "$2.00". */
export function formatMicros(micros: number): string {
  return new Intl.NumberFormat(i18n.language, { style: 'currency', currency: 'USD' }).format(micros / 1_000_000)
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return ''
  return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(iso))
}

/** Dollars as typed ("0.15") → micro-dollars (150000); null when not a non-negative amount with up to 6 decimals. */
export function toMicros(dollars: string): number | null {
  if (!/^\d+(\.\d{1,6})?$/.test(dollars.trim())) return null
  return Math.round(Number(dollars.trim()) * 1_000_000)
}
