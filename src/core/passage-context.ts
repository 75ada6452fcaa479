/**
 * The context a passage is read in: its document's title and its section path. Passages are cut below the title
 * and the headings, so without this a query naming the topic of a title or heading would miss the passages under it.
 * The context is indexed and embedded with the passage; the passage's stored text and offsets stay as they are.
 */

export function passageHeading(title: string | null, section: string | null): string {
  return [title, section].filter((s): s is string => Boolean(s)).join('\n');
}

/** What the embedding model reads for a passage. */
export function textForEmbedding(title: string | null, section: string | null, text: string): string {
  const heading = passageHeading(title, section);
  return heading ? `${heading}\n${text}` : text;
}
