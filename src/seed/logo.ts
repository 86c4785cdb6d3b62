/** The sample publisher's logo: a wordmark drawn for Wirehouse (600×60, the shape Google asks of news logos). */
export const logo = {
  alt: 'Orbit Media Network',
  name: 'orbit-media-network-logo.svg',
  svg: `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="60" viewBox="0 0 600 60">
  <rect width="600" height="60" fill="#0b1d3a"/>
  <circle cx="34" cy="30" r="16" fill="none" stroke="#f5b82e" stroke-width="4"/>
  <circle cx="50" cy="18" r="4" fill="#f5b82e"/>
  <text x="66" y="40" font-family="Helvetica, Arial, sans-serif" font-size="28" font-weight="700" fill="#ffffff">Orbit Media Network</text>
</svg>
`,
}
