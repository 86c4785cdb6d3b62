/** Select options labelled from their values: `news-agency` → "News Agency". */
export const labelled = (values: readonly string[]) =>
  values.map((value) => ({ label: value.replace(/(^|-)([a-z])/g, (_, dash, c) => (dash ? ' ' : '') + c.toUpperCase()), value }))
