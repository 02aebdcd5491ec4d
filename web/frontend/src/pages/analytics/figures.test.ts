import { describe, expect, it } from 'vitest'
import { defaults, localDate, previous } from './figures'

describe('the default range', () => {
  it('ends today in the tenant\'s time zone, on either side of midnight UTC', () => {
    // 23:30 UTC on Dec 7 is 07:30 on Dec 8 in Taipei, and 18:30 on Dec 7 in New York
    const late = new Date('2026-12-07T23:30:00Z')
    expect(defaults('Asia/Taipei', late)).toEqual({ from: '2026-11-09', to: '2026-12-08', groupBy: 'day' })
    expect(defaults('UTC', late)).toEqual({ from: '2026-11-08', to: '2026-12-07', groupBy: 'day' })
    expect(defaults('America/New_York', late).to).toBe('2026-12-07')
    // 00:13 UTC on Dec 8 (a day just begun) is still Dec 7 in New York
    const early = new Date('2026-12-08T00:13:00Z')
    expect(defaults('UTC', early).to).toBe('2026-12-08')
    expect(defaults('America/New_York', early)).toEqual({ from: '2026-11-08', to: '2026-12-07', groupBy: 'day' })
  })

  it('is 30 local days across a DST change, and its previous period the 30 before', () => {
    const range = defaults('America/New_York', new Date('2026-11-20T12:00:00Z')) // DST ended on Nov 1
    expect(range).toEqual({ from: '2026-10-22', to: '2026-11-20', groupBy: 'day' })
    expect(previous(range)).toMatchObject({ from: '2026-09-22', to: '2026-10-21' })
  })

  it('reads a local date in any IANA zone', () => {
    expect(localDate(new Date('2026-12-31T16:00:00Z'), 'Asia/Taipei')).toBe('2027-01-01')
    expect(localDate(new Date('2026-12-31T16:00:00Z'), 'Asia/Kolkata')).toBe('2026-12-31')
    expect(localDate(new Date('2026-12-31T18:30:00Z'), 'Asia/Kolkata')).toBe('2027-01-01')
  })
})
