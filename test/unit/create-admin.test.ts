import { describe, expect, it } from '@jest/globals'

import { problemWith } from '@/accounts/createAdmin'

describe('create-admin', () => {
  it('asks for a real email and a password of at least 12 characters', () => {
    expect(problemWith('chief@example.test', 'a-long-admin-password')).toBeNull()
    expect(problemWith('chief', 'a-long-admin-password')).toMatch(/"chief" is not an email address/)
    expect(problemWith('chief@example.test', 'short')).toMatch(/at least 12 characters/)
  })
})
