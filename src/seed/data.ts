/**
 * The sample network: a publisher of space and defence news that republishes wire copy.
 * Every sentence here is written for Wirehouse; none is copied from a real wire.
 */

export const publisher = {
  name: 'Orbit Media Network',
  copyrightStartYear: 1995,
  jurisdiction: 'Australia',
}

export const sites = [
  { name: 'Orbital Times', domain: 'orbitaltimes.example', masthead: 'Orbital Times: the business of space' },
  { name: 'Ground Station', domain: 'groundstation.example', masthead: 'Ground Station: Earth seen from above' },
  { name: 'Frontier Defense', domain: 'frontierdefense.example', masthead: 'Frontier Defense: power, politics and security' },
]

export const sections = [
  { name: 'LAUNCH PAD', slug: 'launch-pad', site: 'orbitaltimes.example', description: 'Rockets, launches and the companies behind them.' },
  { name: 'DEEP SPACE', slug: 'deep-space', site: 'orbitaltimes.example', description: 'Probes, telescopes and planetary science.' },
  { name: 'EARTH OBSERVATION', slug: 'earth-observation', site: 'groundstation.example', description: 'Satellites watching climate, land and sea.' },
  { name: 'TECH', slug: 'tech', site: 'groundstation.example', description: 'Instruments, ground systems and data.' },
  { name: 'SUPERPOWERS', slug: 'superpowers', site: 'frontierdefense.example', description: 'Great-power rivalry and diplomacy.' },
  { name: 'MILITARY SPACE', slug: 'military-space', site: 'frontierdefense.example', description: 'Defence satellites and space security.' },
]

export const sources = [
  {
    code: 'AFP',
    name: 'Agence France-Presse',
    kind: 'news-agency',
    license: 'copyright',
    copyrightHolder: 'Agence France-Presse',
    credit: 'AFP',
    bylineAliases: ['AFP Staff Writers', 'AFP'],
  },
  {
    code: 'UPI',
    name: 'United Press International',
    kind: 'news-agency',
    license: 'copyright',
    copyrightHolder: 'United Press International',
    credit: 'UPI',
    bylineAliases: ['UPI Staff Writers', 'UPI'],
  },
  {
    code: 'IANS',
    name: 'Indo-Asian News Service',
    kind: 'news-agency',
    license: 'copyright',
    copyrightHolder: 'Indo-Asian News Service',
    credit: 'IANS',
    bylineAliases: ['IANS Staff Writers', 'IANS'],
  },
  {
    code: 'NASA',
    name: 'National Aeronautics and Space Administration',
    kind: 'government',
    license: 'public-domain',
    copyrightHolder: '',
    credit: 'NASA',
    bylineAliases: ['NASA Staff Writers', 'NASA'],
  },
  {
    code: 'ESA',
    name: 'European Space Agency',
    kind: 'space-agency',
    license: 'copyright',
    copyrightHolder: 'European Space Agency',
    credit: 'ESA',
    bylineAliases: ['ESA Staff Writers', 'ESA'],
  },
  {
    code: 'SPX',
    name: 'Staff Writers',
    kind: 'staff',
    license: 'copyright',
    // Empty: our own copy belongs to the publisher.
    copyrightHolder: '',
    credit: 'SPX',
    bylineAliases: ['Staff Writers'],
  },
] as const

type NoticeSeed = {
  title: string
  kind: string
  order: number
  markdown: string
  appliesTo: { scope: string; sourceKinds?: string[]; sources?: string[]; licenses?: string[] }
  effectiveFrom?: string
}

export const notices: NoticeSeed[] = [
  {
    title: 'Network copyright',
    kind: 'copyright',
    order: 10,
    appliesTo: { scope: 'all' },
    markdown:
      'Except where a work is known to be in the public domain, the content of this site is Copyright {{publisher.copyrightStartYear}}-{{year}} {{publisher.name}}. Other rights holders may own parts of some works.',
  },
  {
    title: 'Governing law',
    kind: 'jurisdiction',
    order: 15,
    appliesTo: { scope: 'all' },
    markdown:
      'Every {{publisher.name}} website is published in {{publisher.jurisdiction}} and answers to its law alone. We quote and summarise under the fair-dealing rules for news reporting and research.',
  },
  {
    title: 'Wire agency copyright',
    kind: 'source-copyright',
    order: 20,
    appliesTo: { scope: 'source-kinds', sourceKinds: ['news-agency'] },
    markdown:
      'This wire story is copyright {{source.copyrightHolder}} and appears here under licence. Do not copy or redistribute it without the agency\'s permission.',
  },
  {
    title: 'ESA copyright',
    kind: 'source-copyright',
    order: 21,
    appliesTo: { scope: 'sources', sources: ['ESA'] },
    markdown:
      'Reports from the {{source.name}} are copyright {{source.copyrightHolder}}; we carry them with the agency\'s permission.',
  },
  {
    title: 'Public-domain material',
    kind: 'public-domain',
    order: 22,
    appliesTo: { scope: 'licenses', licenses: ['public-domain'] },
    markdown:
      'Material from {{source.name}} ({{source.code}}) is in the public domain. {{publisher.name}} claims no copyright in it.',
  },
  {
    title: 'Staff Writers copy',
    kind: 'staff-writers',
    order: 30,
    appliesTo: { scope: 'source-kinds', sourceKinds: ['staff', 'press-release'] },
    markdown:
      'Stories credited to Staff Writers are put together by {{publisher.name}} editors from material that wires, press offices, agencies and companies send us. Our editors pick and edit each one for what it tells our professional readers.',
  },
  {
    title: 'Advertising',
    kind: 'advertising',
    order: 80,
    appliesTo: { scope: 'all' },
    markdown:
      'An advertisement next to our reporting is not an endorsement by {{publisher.name}} of the advertiser, and no advertiser endorses what we publish.',
  },
  {
    title: 'GDPR statement',
    kind: 'gdpr',
    order: 90,
    effectiveFrom: '2018-05-25T00:00:00.000Z',
    appliesTo: { scope: 'all' },
    markdown:
      'Under the EU General Data Protection Regulation, our advertising partners use cookies to choose which advertisements you see, on the basis of legitimate interest, and each follows a GDPR policy of its own. If you keep using our sites you accept cookie-based advertising; if you do not accept it, please stop using them.',
  },
  {
    title: 'Privacy',
    kind: 'privacy',
    order: 95,
    appliesTo: { scope: 'all' },
    markdown:
      'Our privacy statement explains what personal data {{publisher.name}} collects, why, and how long we keep it. Write to our privacy officer with any question about your data.',
  },
]

type ArticleSeed = {
  externalId: string
  source: string
  section: string
  headline: string
  byline: string
  dateline: { place: string; date: string }
  summary: string
  markdown: string
  relatedLinks: { label: string; url: string }[]
}

export const articles: ArticleSeed[] = [
  {
    externalId: 'sample-afp-0001',
    source: 'AFP',
    section: 'superpowers',
    headline: 'Rival blocs court Central Asia at a crowded summit',
    byline: 'by AFP Staff Writers',
    dateline: { place: 'Tashkent, Uzbekistan', date: '2024-07-03T00:00:00.000Z' },
    summary: 'Leaders of the region\'s big neighbours used a two-day summit to press competing offers of trade and security.',
    markdown: [
      'Delegations from more than a dozen countries gathered in the Uzbek capital on Wednesday for a summit that each of the region\'s large neighbours hoped to turn to its advantage.',
      'Officials from the host government said the agenda would cover rail links, water sharing and border security, topics on which the five Central Asian states have long been courted from several sides.',
      '## Competing offers',
      'Diplomats described a week of side meetings in which rival delegations presented loans, pipeline routes and training programmes for regional armies.',
      '"Everyone arrives with a map and a chequebook," said a European analyst who follows the region, speaking before the opening session.',
      'The summit closes on Thursday with a joint statement that organisers said was still being negotiated late into the night.',
    ].join('\n\n'),
    relatedLinks: [{ label: 'Summit host statement', url: 'https://example.org/summit/statement' }],
  },
  {
    externalId: 'sample-upi-0001',
    source: 'UPI',
    section: 'military-space',
    headline: 'Space Force orders a second batch of tracking satellites',
    byline: 'by UPI Staff Writers',
    dateline: { place: 'Washington', date: '2024-06-18T00:00:00.000Z' },
    summary: 'The contract adds eight satellites to a constellation meant to follow missiles from launch.',
    markdown: [
      'The U.S. Space Force said on Tuesday it had ordered eight more missile-tracking satellites, extending a constellation in low Earth orbit that it wants in service before the end of the decade.',
      'A spokesperson said the new spacecraft would carry wider-field infrared sensors than the first batch and pass their data to ground stations through optical links.',
      'Budget documents put the value of the order at several hundred million dollars, with the first launch planned for 2027.',
    ].join('\n\n'),
    relatedLinks: [{ label: 'Space Force news', url: 'https://example.org/space-force/news' }],
  },
  {
    externalId: 'sample-ians-0001',
    source: 'IANS',
    section: 'launch-pad',
    headline: 'Indian start-up test-fires a 3D-printed upper-stage engine',
    byline: 'by IANS Staff Writers',
    dateline: { place: 'Bengaluru', date: '2024-05-09T00:00:00.000Z' },
    summary: 'The engine ran for its full planned duration in the company\'s third hot-fire test.',
    markdown: [
      'A Bengaluru launch start-up said on Thursday that its printed upper-stage engine had completed a full-duration hot-fire test, a step toward its first orbital attempt.',
      'The company said the engine was built as a single piece, which cut the number of welded joints and the time needed to make each unit.',
      'Engineers will now study data from the run before a qualification campaign planned for later in the year.',
    ].join('\n\n'),
    relatedLinks: [{ label: 'Company announcement', url: 'https://example.org/startup/hot-fire' }],
  },
  {
    externalId: 'sample-nasa-0001',
    source: 'NASA',
    section: 'deep-space',
    headline: 'Europa-bound probe completes its gravity-assist flyby of Mars',
    byline: 'by NASA Staff Writers',
    dateline: { place: 'Pasadena CA', date: '2025-03-01T00:00:00.000Z' },
    summary: 'The spacecraft used the planet\'s gravity to shorten its trip to Jupiter and tested its cameras on the way past.',
    markdown: [
      'A spacecraft bound for Jupiter\'s moon Europa swung past Mars on Saturday, using the planet\'s gravity to bend its path toward the outer solar system.',
      'Mission controllers said every system performed as expected and that the probe took calibration images of the Martian surface with its thermal camera.',
      '## Next stop, Earth',
      'The probe will return for a final flyby of Earth before the long cruise to Jupiter, where it is due to arrive at the end of the decade.',
    ].join('\n\n'),
    relatedLinks: [{ label: 'Mission page', url: 'https://example.org/europa-mission' }],
  },
  {
    externalId: 'sample-esa-0001',
    source: 'ESA',
    section: 'earth-observation',
    headline: 'Cloud-profiling satellite returns its first images',
    byline: 'by ESA Staff Writers',
    dateline: { place: 'Paris', date: '2024-06-27T00:00:00.000Z' },
    summary: 'A radar on the new satellite has begun mapping the inside of clouds, data that climate models have lacked.',
    markdown: [
      'A European satellite built to study clouds and airborne particles has sent back its first images, showing the layers inside a storm system over the Atlantic.',
      'Scientists said the radar measures how fast droplets move inside a cloud, which should help explain how clouds warm or cool the planet.',
      'The satellite will now go through months of checks before its data are released to researchers.',
    ].join('\n\n'),
    relatedLinks: [{ label: 'Mission overview', url: 'https://example.org/cloud-mission' }],
  },
  {
    externalId: 'sample-spx-0001',
    source: 'SPX',
    section: 'tech',
    headline: 'Thermal imaging company plans its first high-resolution satellite',
    byline: 'by Staff Writers',
    dateline: { place: 'Seattle WA', date: '2024-07-02T00:00:00.000Z' },
    summary: 'The firm says its sensor will measure crop and soil temperatures from orbit several times a week.',
    markdown: [
      'A young Earth-observation company says it will launch its first thermal-imaging satellite next year, aiming to sell temperature maps to farmers and water managers.',
      'According to the company, the sensor will resolve features a few tens of metres across and revisit the same fields several times a week.',
      'The firm said it had signed early customers in agriculture and insurance, and that a second satellite would follow if the first performs as planned.',
    ].join('\n\n'),
    relatedLinks: [{ label: 'Company press release', url: 'https://example.org/thermal/press' }],
  },
]

export const demoUsers = [
  { email: 'admin@wirehouse.test', name: 'Ada Admin', roles: ['admin'] },
  { email: 'editor@wirehouse.test', name: 'Eddie Editor', roles: ['editor'] },
  { email: 'compliance@wirehouse.test', name: 'Cora Compliance', roles: ['compliance'] },
  { email: 'compliance2@wirehouse.test', name: 'Colin Compliance', roles: ['compliance'] },
] as const

export const DEMO_PASSWORD = 'wirehouse-demo'
