/** Every item of a paged listing, following NextToken through empty pages until it is absent. */
export async function listAllPages<Page extends { NextToken?: string }, Item>(fetch: (nextToken: string | undefined) => Promise<Page>, itemsOf: (page: Page) => Item[]): Promise<Item[]> {
  const items: Item[] = [];
  let nextToken: string | undefined;
  do {
    const page = await fetch(nextToken);
    items.push(...itemsOf(page));
    nextToken = page.NextToken;
  } while (nextToken);
  return items;
}
