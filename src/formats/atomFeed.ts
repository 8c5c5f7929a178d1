/** One entry of an Atom feed. */
export interface FeedEntry {
  id: string
  title: string
  link: string
  updated: Date
  summary: string
}

/** A feed: its own identity and entries, newest first. */
export interface Feed {
  id: string
  title: string
  selfLink: string
  alternateLink: string
  /** Who publishes the feed: the organisation whose documents these are. */
  author: string
  entries: FeedEntry[]
}

const xml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')

/** An Atom (RFC 4287) document; `updated` is the newest entry's time. */
export function atomFeed(feed: Feed): string {
  const updated = feed.entries[0]?.updated ?? new Date(0)
  const entries = feed.entries.map(
    (e) => `  <entry>
    <id>${xml(e.id)}</id>
    <title>${xml(e.title)}</title>
    <link rel="alternate" type="text/html" href="${xml(e.link)}"/>
    <updated>${e.updated.toISOString()}</updated>
    <summary>${xml(e.summary)}</summary>
  </entry>`,
  )
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${xml(feed.id)}</id>
  <title>${xml(feed.title)}</title>
  <link rel="self" type="application/atom+xml" href="${xml(feed.selfLink)}"/>
  <link rel="alternate" type="text/html" href="${xml(feed.alternateLink)}"/>
  <updated>${updated.toISOString()}</updated>
  <author><name>${xml(feed.author)}</name></author>
${entries.join('\n')}
</feed>
`
}
