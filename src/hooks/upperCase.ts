import type { FieldHook } from 'payload'

/** Trims and upper-cases a text value before validation ("afp " → "AFP"). */
export const upperCase: FieldHook = ({ value }) =>
  typeof value === 'string' ? value.trim().toUpperCase() : value
