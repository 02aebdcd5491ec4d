import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { LinkedText } from './LinkedText'

describe('LinkedText', () => {
  it('makes http(s) links clickable in a new tab without opener or referrer, and shows markup as text', () => {
    const { container } = render(<p><LinkedText text={'See https://shop.example/a?b=1, <b>bold</b> javascript:alert(1)'} /></p>)

    const link = screen.getByRole('link', { name: 'https://shop.example/a?b=1' })
    expect(link).toHaveAttribute('href', 'https://shop.example/a?b=1')
    expect(link).toHaveAttribute('rel', 'noopener noreferrer')
    expect(link).toHaveAttribute('target', '_blank')
    expect(screen.getAllByRole('link')).toHaveLength(1)
    expect(container.querySelector('b')).toBeNull()
    expect(container).toHaveTextContent('See https://shop.example/a?b=1, <b>bold</b> javascript:alert(1)')
  })
})
