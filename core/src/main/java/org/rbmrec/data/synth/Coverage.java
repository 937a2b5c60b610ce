package org.rbmrec.data.synth;

/**
 * Gives every item one user before sampling, so that every item has at least one rating: items
 * in a seeded order go to users in a seeded order, cycling, skipping users whose every rating is
 * already taken. Stored as CSR: user u's given items are {@code items[start[u], start[u+1])}.
 */
final class Coverage {
  final int[] start;
  final int[] items;

  private Coverage(int[] start, int[] items) {
    this.start = start;
    this.items = items;
  }

  /**
   * @param counts (users) ratings per user; their sum must be at least the number of items
   */
  static Coverage plan(SyntheticConfig config, int[] counts) {
    int users = config.users();
    int numItems = config.items();
    int[] itemOrder = Streams.permutation(numItems, Streams.of(config.seed(), Streams.COVERAGE, 0));
    int[] userOrder = Streams.permutation(users, Streams.of(config.seed(), Streams.COVERAGE, 1));
    int[] owner = new int[numItems];
    int[] given = new int[users];
    int cursor = 0;
    for (int j = 0; j < numItems; j++) {
      while (given[userOrder[cursor]] >= counts[userOrder[cursor]]) {
        cursor = (cursor + 1) % users;
      }
      int u = userOrder[cursor];
      owner[itemOrder[j]] = u;
      given[u]++;
      cursor = (cursor + 1) % users;
    }
    int[] start = new int[users + 1];
    for (int u = 0; u < users; u++) {
      start[u + 1] = start[u] + given[u];
    }
    int[] next = new int[users];
    System.arraycopy(start, 0, next, 0, users);
    int[] items = new int[numItems];
    for (int i = 0; i < numItems; i++) {
      items[next[owner[i]]++] = i;
    }
    return new Coverage(start, items);
  }
}
