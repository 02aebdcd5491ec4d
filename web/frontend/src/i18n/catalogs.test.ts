import { describe, expect, it } from 'vitest'
import { catalogs } from './catalogs'

function keys(strings: object, prefix = ''): string[] {
  return Object.entries(strings).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`)).sort()
}

describe('translations', () => {
  it.each(Object.entries(catalogs))('%s has every English string in Traditional Chinese, and nothing else', (_, c) => {
    expect(keys(c.zhHant)).toEqual(keys(c.en))
  })

  it.each(Object.entries(catalogs))('%s has no empty strings', (_, c) => {
    const empty = (o: object): boolean => Object.values(o).some((v) => (typeof v === 'string' ? v.trim() === '' : empty(v)))
    expect(empty(c.en) || empty(c.zhHant)).toBe(false)
  })
})
